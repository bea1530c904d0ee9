// The kind of work Uber moved from Node.js to Go: which geofences (polygons) contain a point? Each lookup tests
// every edge of every polygon, pure CPU with no I/O to wait for. Ray casting: count how many edges a horizontal
// ray from the point crosses; an odd count means inside.
type Point = [number, number];
type Geofence = { name: string; corners: Point[] };

const geofences: Geofence[] = [
  { name: "downtown", corners: [[0, 0], [6, 0], [6, 6], [0, 6]] },
  { name: "airport", corners: [[6, 0], [10, 0], [8, 3]] },
  { name: "surge-zone", corners: [[4, 4], [9, 4], [9, 8], [4, 8]] },
];

let edgeTests = 0;

function contains(fence: Geofence, [x, y]: Point): boolean {
  let inside = false;
  const c = fence.corners;
  for (let i = 0, j = c.length - 1; i < c.length; j = i++) {
    edgeTests++;
    const [xi, yi] = c[i]!;
    const [xj, yj] = c[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const points: Point[] = [[2, 2], [7, 1], [5, 5], [12, 9]];
for (const point of points) {
  const hits = geofences.filter((fence) => contains(fence, point)).map((fence) => fence.name);
  console.log(`(${point[0]}, ${point[1]}) -> ${hits.length ? hits.join(", ") : "no geofence"}`);
}
console.log(`${points.length} lookups, ${edgeTests} edge tests`);
