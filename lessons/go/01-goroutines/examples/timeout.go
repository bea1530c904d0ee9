// select waits on several channels at once; context gives every request a deadline.
package main

import (
	"context"
	"fmt"
	"time"
)

func slowQuery(ctx context.Context, took time.Duration) (string, error) {
	select {
	case <-time.After(took):
		return "42 rows", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	for _, took := range []time.Duration{5 * time.Millisecond, 500 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		rows, err := slowQuery(ctx, took)
		cancel()
		if err != nil {
			fmt.Printf("query taking %v: gave up (%v)\n", took, err)
			continue
		}
		fmt.Printf("query taking %v: %s\n", took, rows)
	}
}
