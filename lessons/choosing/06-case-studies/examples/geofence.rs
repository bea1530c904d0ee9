// The kind of work Uber moved from Node.js to Go: which geofences (polygons) contain a point? Each lookup tests
// every edge of every polygon, pure CPU with no I/O to wait for. Ray casting: count how many edges a horizontal
// ray from the point crosses; an odd count means inside.
struct Geofence {
    name: &'static str,
    corners: Vec<(f64, f64)>,
}

impl Geofence {
    fn contains(&self, (x, y): (f64, f64), edge_tests: &mut usize) -> bool {
        let c = &self.corners;
        let mut inside = false;
        let mut j = c.len() - 1;
        for i in 0..c.len() {
            *edge_tests += 1;
            let ((xi, yi), (xj, yj)) = (c[i], c[j]);
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
        inside
    }
}

fn main() {
    let geofences = [
        Geofence { name: "downtown", corners: vec![(0.0, 0.0), (6.0, 0.0), (6.0, 6.0), (0.0, 6.0)] },
        Geofence { name: "airport", corners: vec![(6.0, 0.0), (10.0, 0.0), (8.0, 3.0)] },
        Geofence { name: "surge-zone", corners: vec![(4.0, 4.0), (9.0, 4.0), (9.0, 8.0), (4.0, 8.0)] },
    ];
    let points = [(2.0, 2.0), (7.0, 1.0), (5.0, 5.0), (12.0, 9.0)];
    let mut edge_tests = 0;
    for point in points {
        let hits: Vec<&str> = geofences.iter().filter(|g| g.contains(point, &mut edge_tests)).map(|g| g.name).collect();
        let found = if hits.is_empty() { "no geofence".to_string() } else { hits.join(", ") };
        println!("({}, {}) -> {found}", point.0, point.1);
    }
    println!("{} lookups, {edge_tests} edge tests", points.len());
}
