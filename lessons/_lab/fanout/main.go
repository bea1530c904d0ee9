// Fan-out with a deadline: ask three dependencies at once and wait at most 500 ms for all of them together.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

const deadline = 500 * time.Millisecond

type dependency struct {
	name  string
	delay time.Duration
}

// call stands in for a network call that answers after d.delay, or gives up when the context's deadline passes.
func call(ctx context.Context, d dependency) string {
	select {
	case <-time.After(d.delay):
		return fmt.Sprintf("%s: ok after %d ms", d.name, d.delay.Milliseconds())
	case <-ctx.Done():
		return fmt.Sprintf("%s: timed out (deadline %d ms)", d.name, deadline.Milliseconds())
	}
}

func main() {
	dependencies := []dependency{
		{"users", 100 * time.Millisecond},
		{"orders", 200 * time.Millisecond},
		{"recommendations", 800 * time.Millisecond},
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()

	results := make([]string, len(dependencies))
	var wg sync.WaitGroup
	for i, d := range dependencies {
		wg.Add(1)
		go func(i int, d dependency) {
			defer wg.Done()
			results[i] = call(ctx, d)
		}(i, d)
	}
	wg.Wait()
	elapsed := time.Since(start)

	for _, line := range results {
		fmt.Println(line)
	}
	fmt.Printf("elapsed_ms=%.1f\n", float64(elapsed.Microseconds())/1000)
}
