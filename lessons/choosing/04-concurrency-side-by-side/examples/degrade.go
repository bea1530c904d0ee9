// Not every dependency is worth failing the request for. Wait for all three to settle, then decide:
// a required one that failed means 500, an optional one that failed means a fallback value.
package main

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

const fallback = "fallback: top sellers"

type dependency struct {
	name     string
	required bool
	wait     time.Duration
	fails    string
}

func fetchDependency(d dependency) error {
	time.Sleep(d.wait)
	if d.fails != "" {
		return errors.New(d.fails)
	}
	return nil
}

func handle(scenario string, deps []dependency) {
	// One error slot per dependency: each goroutine writes only its own, so no lock is needed.
	errs := make([]error, len(deps))
	var wg sync.WaitGroup
	for i, d := range deps {
		wg.Add(1)
		go func(i int, d dependency) {
			defer wg.Done()
			errs[i] = fetchDependency(d)
		}(i, d)
	}
	wg.Wait()

	status := http.StatusOK
	fmt.Printf("scenario: %s\n", scenario)
	for i, d := range deps {
		switch {
		case errs[i] == nil:
			fmt.Printf("  %s: answered\n", d.name)
		case d.required:
			status = http.StatusInternalServerError
			fmt.Printf("  %s: failed (%v)\n", d.name, errs[i])
		default:
			fmt.Printf("  %s: failed, %s\n", d.name, fallback)
		}
	}
	fmt.Printf("  status %d\n", status)
}

func main() {
	ms := time.Millisecond
	handle("recommendations down", []dependency{
		{name: "user_data", required: true, wait: 10 * ms},
		{name: "recommendations", wait: 20 * ms, fails: "ml-service unavailable"},
		{name: "analytics", required: true, wait: 30 * ms},
	})
	handle("user_data down", []dependency{
		{name: "user_data", required: true, wait: 10 * ms, fails: "database unavailable"},
		{name: "recommendations", wait: 20 * ms},
		{name: "analytics", required: true, wait: 30 * ms},
	})
}
