// A weighted decision matrix for one project: an internal analytics API, about 2,000 requests per second at peak,
// a 200 ms p99 target, a team of four Python developers, ML models in the request path, eight weeks to ship.
// Weights add up to 100; each option scores 1 (poor) to 5 (excellent) on each criterion.
package main

import (
	"fmt"
	"sort"
	"strings"
)

var options = []string{"Python", "Node.js", "Go", "Rust"}

type criterion struct {
	name   string
	weight int
	scores []int // in the order of options
}

var criteria = []criterion{
	{"performance", 15, []int{2, 3, 5, 5}},
	{"team fit", 30, []int{5, 2, 2, 1}},
	{"ML ecosystem", 25, []int{5, 3, 2, 2}},
	{"time to market", 20, []int{5, 4, 3, 1}},
	{"running cost", 10, []int{2, 3, 4, 5}},
}

type scored struct {
	option string
	total  int
}

// ranking returns the options with their weighted totals, best first; ties keep the order of options.
func ranking(weights []int) []scored {
	result := make([]scored, len(options))
	for i, o := range options {
		result[i].option = o
		for k, c := range criteria {
			result[i].total += weights[k] * c.scores[i]
		}
	}
	sort.SliceStable(result, func(a, b int) bool { return result[a].total > result[b].total })
	return result
}

func row(label string, weight string, cells []string) string {
	line := fmt.Sprintf("%-16s%-8s", label, weight)
	for _, c := range cells {
		line += fmt.Sprintf("%-8s", c)
	}
	return strings.TrimRight(line, " ")
}

func texts(numbers []int) []string {
	out := make([]string, len(numbers))
	for i, n := range numbers {
		out[i] = fmt.Sprint(n)
	}
	return out
}

func main() {
	weights := make([]int, len(criteria))
	for k, c := range criteria {
		weights[k] = c.weight
	}
	fmt.Println(row("criterion", "weight", options))
	for _, c := range criteria {
		fmt.Println(row(c.name, fmt.Sprint(c.weight), texts(c.scores)))
	}
	ranked := ranking(weights)
	totals := map[string]int{}
	for _, s := range ranked {
		totals[s.option] = s.total
	}
	var inOrder []int
	for _, o := range options {
		inOrder = append(inOrder, totals[o])
	}
	fmt.Println(row("total (of 500)", "", texts(inOrder)))

	var parts []string
	for _, s := range ranked {
		parts = append(parts, fmt.Sprintf("%s %d", s.option, s.total))
	}
	fmt.Println("ranking: " + strings.Join(parts, ", "))
	fmt.Printf("margin: %s leads %s by %d\n", ranked[0].option, ranked[1].option, ranked[0].total-ranked[1].total)

	// Sensitivity: move weight from "team fit" (index 1) to "performance" (index 0) one point at a time.
	winner := ranked[0].option
	for moved := 1; moved <= weights[1]; moved++ {
		shifted := append([]int{weights[0] + moved, weights[1] - moved}, weights[2:]...)
		if leader := ranking(shifted)[0].option; leader != winner {
			fmt.Printf("sensitivity: %s overtakes %s when performance weighs %d and team fit %d\n", leader, winner, shifted[0], shifted[1])
			return
		}
	}
	fmt.Printf("sensitivity: %s stays ahead however team fit and performance split their weight\n", winner)
}
