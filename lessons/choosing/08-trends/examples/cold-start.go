// A toy model of a serverless platform: an idle instance is kept warm for idleLimit minutes, then reclaimed.
// A request that finds no warm, free instance gets a new one: a cold start. Times are minutes; nothing is timed.
package main

import (
	"fmt"
	"strings"
)

const idleLimit = 10 // a made-up figure: real platforms do not promise one

type arrival struct{ minute, count int }

type result struct {
	requests, cold, peak int
	timeline             []string
}

func simulate(arrivals []arrival) result {
	var lastUsed []int // one entry per live instance: the minute it last finished a request
	var r result
	for _, a := range arrivals {
		live := lastUsed[:0:0]
		for _, t := range lastUsed {
			if a.minute-t < idleLimit { // reclaim idle instances
				live = append(live, t)
			}
		}
		warm := a.count
		if len(live) < warm {
			warm = len(live)
		}
		fresh := a.count - warm
		r.cold += fresh
		r.requests += a.count
		lastUsed = live[warm:]
		for i := 0; i < a.count; i++ { // every busy instance is now fresh
			lastUsed = append(lastUsed, a.minute)
		}
		if len(lastUsed) > r.peak {
			r.peak = len(lastUsed)
		}
		state := "warm"
		if fresh > 0 {
			state = "cold"
		}
		r.timeline = append(r.timeline, fmt.Sprintf("%d %s", a.minute, state))
	}
	return r
}

func main() {
	var steady []arrival
	for m := 0; m < 24; m += 2 {
		steady = append(steady, arrival{m, 1})
	}
	spiky := []arrival{{0, 1}, {1, 1}, {30, 1}, {31, 1}, {60, 1}, {95, 1}, {96, 1}, {97, 1}}
	burst := []arrival{{0, 5}, {1, 5}, {20, 5}}

	fmt.Printf("%-8s %-9s %-12s %s\n", "pattern", "requests", "cold starts", "instances at peak")
	names := []string{"steady", "spiky", "burst"}
	for i, arrivals := range [][]arrival{steady, spiky, burst} {
		r := simulate(arrivals)
		fmt.Printf("%-8s %-9d %-12d %d\n", names[i], r.requests, r.cold, r.peak)
	}
	fmt.Println("spiky, request by request:", strings.Join(simulate(spiky).timeline, ", "))
}
