# The kind of work Uber moved from Node.js to Go: which geofences (polygons) contain a point? Each lookup tests
# every edge of every polygon, pure CPU with no I/O to wait for. Ray casting: count how many edges a horizontal
# ray from the point crosses; an odd count means inside.
GEOFENCES = {
    "downtown": [(0, 0), (6, 0), (6, 6), (0, 6)],
    "airport": [(6, 0), (10, 0), (8, 3)],
    "surge-zone": [(4, 4), (9, 4), (9, 8), (4, 8)],
}

edge_tests = 0


def contains(corners: list[tuple[int, int]], x: float, y: float) -> bool:
    global edge_tests
    inside = False
    for (xi, yi), (xj, yj) in zip(corners, corners[-1:] + corners[:-1]):
        edge_tests += 1
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
    return inside


points = [(2, 2), (7, 1), (5, 5), (12, 9)]
for x, y in points:
    hits = [name for name, corners in GEOFENCES.items() if contains(corners, x, y)]
    print(f"({x}, {y}) -> {', '.join(hits) if hits else 'no geofence'}")
print(f"{len(points)} lookups, {edge_tests} edge tests")
