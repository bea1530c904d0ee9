// The aggregated endpoint: three simulated dependencies fetched at once under one time budget,
// the outcome turned into an HTTP status. Times are scaled down: a 200 ms budget stands in for 2 s.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

const budget = 200 * time.Millisecond

var dependencies = []string{"user_data", "recommendations", "analytics"}

type plan struct {
	wait  time.Duration
	fails string
}

// fetchDependency stands in for a database query or an HTTP call: it waits, then answers or fails,
// and gives up as soon as the context is done.
func fetchDependency(ctx context.Context, p plan) error {
	select {
	case <-time.After(p.wait):
		if p.fails != "" {
			return errors.New(p.fails)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func handle(name string, plans map[string]plan) {
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	// The group's context is cancelled by the first error, and inherits the deadline.
	g, ctx := errgroup.WithContext(ctx)

	var mu sync.Mutex
	outcome := map[string]string{}
	for _, dep := range dependencies {
		dep := dep // each goroutine needs its own copy (Go before 1.22 shares the loop variable)
		g.Go(func() error {
			err := fetchDependency(ctx, plans[dep])
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				outcome[dep] = "answered"
			case ctx.Err() == nil:
				outcome[dep] = fmt.Sprintf("failed (%v)", err)
			}
			return err
		})
	}

	err := g.Wait()
	status := http.StatusOK
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		status = http.StatusRequestTimeout
	case err != nil:
		status = http.StatusInternalServerError
	}

	fmt.Printf("scenario: %s\n", name)
	for _, dep := range dependencies {
		result, done := outcome[dep]
		if !done && status == http.StatusRequestTimeout {
			result = "timed out"
		} else if !done {
			result = "cancelled"
		}
		fmt.Printf("  %s: %s\n", dep, result)
	}
	fmt.Printf("  status %d\n", status)
}

func main() {
	ms := time.Millisecond
	handle("all healthy", map[string]plan{
		"user_data": {wait: 10 * ms}, "recommendations": {wait: 20 * ms}, "analytics": {wait: 40 * ms},
	})
	handle("recommendations down", map[string]plan{
		"user_data": {wait: 10 * ms}, "recommendations": {wait: 30 * ms, fails: "ml-service unavailable"}, "analytics": {wait: 150 * ms},
	})
	handle("analytics slow", map[string]plan{
		"user_data": {wait: 10 * ms}, "recommendations": {wait: 20 * ms}, "analytics": {wait: 1000 * ms},
	})
}
