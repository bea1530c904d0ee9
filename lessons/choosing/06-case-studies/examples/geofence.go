// The kind of work Uber moved from Node.js to Go: which geofences (polygons) contain a point? Each lookup tests
// every edge of every polygon, pure CPU with no I/O to wait for. Ray casting: count how many edges a horizontal
// ray from the point crosses; an odd count means inside.
package main

import (
	"fmt"
	"strings"
)

type point struct{ x, y float64 }

type geofence struct {
	name    string
	corners []point
}

var edgeTests int

func (g geofence) contains(p point) bool {
	inside := false
	c := g.corners
	for i, j := 0, len(c)-1; i < len(c); j, i = i, i+1 {
		edgeTests++
		if (c[i].y > p.y) != (c[j].y > p.y) && p.x < (c[j].x-c[i].x)*(p.y-c[i].y)/(c[j].y-c[i].y)+c[i].x {
			inside = !inside
		}
	}
	return inside
}

func main() {
	geofences := []geofence{
		{"downtown", []point{{0, 0}, {6, 0}, {6, 6}, {0, 6}}},
		{"airport", []point{{6, 0}, {10, 0}, {8, 3}}},
		{"surge-zone", []point{{4, 4}, {9, 4}, {9, 8}, {4, 8}}},
	}
	points := []point{{2, 2}, {7, 1}, {5, 5}, {12, 9}}
	for _, p := range points {
		var hits []string
		for _, g := range geofences {
			if g.contains(p) {
				hits = append(hits, g.name)
			}
		}
		found := "no geofence"
		if len(hits) > 0 {
			found = strings.Join(hits, ", ")
		}
		fmt.Printf("(%g, %g) -> %s\n", p.x, p.y, found)
	}
	fmt.Printf("%d lookups, %d edge tests\n", len(points), edgeTests)
}
