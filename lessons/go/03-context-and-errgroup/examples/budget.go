// Three dependencies of 60 ms each under a 100 ms budget: one after another they cannot make it,
// at the same time with errgroup they can. A failure cancels the siblings.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

const budget = 100 * time.Millisecond

var cancelled int32 // how many calls stopped early because their context ended

func call(ctx context.Context, latency time.Duration, fail bool) (int, error) {
	select {
	case <-time.After(latency):
		if fail {
			return 0, errors.New("connection refused")
		}
		return 1, nil
	case <-ctx.Done():
		atomic.AddInt32(&cancelled, 1)
		return 0, ctx.Err()
	}
}

func sequential(ctx context.Context, latency [3]time.Duration, fails [3]bool) (int, error) {
	total := 0
	for i := range latency {
		n, err := call(ctx, latency[i], fails[i])
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func concurrent(ctx context.Context, latency [3]time.Duration, fails [3]bool) (int, error) {
	g, ctx := errgroup.WithContext(ctx) // the group's ctx ends at the first error, or at the parent's deadline
	var results [3]int                  // one slot per goroutine: no lock needed
	for i := range latency {
		i := i // Go before 1.22: one copy per iteration
		g.Go(func() error {
			n, err := call(ctx, latency[i], fails[i])
			results[i] = n
			return err
		})
	}
	if err := g.Wait(); err != nil { // waits for all three, returns the first error
		return 0, err
	}
	return results[0] + results[1] + results[2], nil
}

func run(name string, fetch func(context.Context, [3]time.Duration, [3]bool) (int, error), latency [3]time.Duration, fails [3]bool) {
	atomic.StoreInt32(&cancelled, 0)
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	n, err := fetch(ctx, latency, fails)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Printf("%-10s over budget (cancelled calls: %d)\n", name, atomic.LoadInt32(&cancelled))
	case err != nil:
		fmt.Printf("%-10s failed: %v (cancelled calls: %d)\n", name, err, atomic.LoadInt32(&cancelled))
	default:
		fmt.Printf("%-10s %d answers\n", name, n)
	}
}

func main() {
	ms := time.Millisecond
	even := [3]time.Duration{60 * ms, 60 * ms, 60 * ms}
	fmt.Println("three calls of 60 ms, budget 100 ms:")
	run("sequential", sequential, even, [3]bool{})
	run("concurrent", concurrent, even, [3]bool{})

	fmt.Println("the second call fails after 10 ms, the others would take 60 ms:")
	run("concurrent", concurrent, [3]time.Duration{60 * ms, 10 * ms, 60 * ms}, [3]bool{false, true, false})
}
