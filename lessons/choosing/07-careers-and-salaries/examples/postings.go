// A made-up sample: the pay ranges of eleven "backend engineer (Go)" postings one learner collected in one city,
// in $1,000s a year. A nil entry means the posting gave no range. The method is the point, not these numbers.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type payRange struct{ low, high int }

var postings = []*payRange{
	{95, 115}, {110, 126}, nil, {115, 135}, {120, 140}, {124, 144},
	{130, 150}, nil, {140, 160}, {150, 174}, {250, 330}, // the last one is a staff-level role
}

func median(values []int) float64 {
	ordered := append([]int(nil), values...)
	sort.Ints(ordered)
	mid := len(ordered) / 2
	if len(ordered)%2 == 1 {
		return float64(ordered[mid])
	}
	return float64(ordered[mid-1]+ordered[mid]) / 2
}

func mean(values []int) float64 {
	sum := 0
	for _, v := range values {
		sum += v
	}
	return float64(sum) / float64(len(values))
}

func main() {
	var withRange []payRange
	for _, p := range postings {
		if p != nil {
			withRange = append(withRange, *p)
		}
	}
	var midpoints, lows, highs []int
	for _, p := range withRange {
		midpoints = append(midpoints, (p.low+p.high)/2)
		lows = append(lows, p.low)
		highs = append(highs, p.high)
	}
	sort.Ints(midpoints)

	fmt.Printf("%d postings, %d without a pay range (left out)\n", len(postings), len(postings)-len(withRange))
	words := make([]string, len(midpoints))
	for i, m := range midpoints {
		words[i] = fmt.Sprint(m)
	}
	fmt.Println("midpoints:", strings.Join(words, " "))
	fmt.Printf("median %.1f  mean %.1f\n", median(midpoints), mean(midpoints))

	withoutTop := midpoints[:len(midpoints)-1]
	fmt.Printf("without the staff role: median %.1f  mean %.1f\n", median(withoutTop), mean(withoutTop))
	fmt.Printf("typical range: %.1f to %.1f\n", median(lows), median(highs))
}
