// A context is a tree: cancelling a parent cancels every child, and ctx.Err says why it ended.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// lookup stands in for a query or an HTTP call that honours its context.
func lookup(ctx context.Context, name string, took time.Duration) (string, error) {
	select {
	case <-time.After(took):
		return name + " found", nil
	case <-ctx.Done():
		return "", fmt.Errorf("lookup %s: %w", name, ctx.Err())
	}
}

func main() {
	// 1. A deadline: WithTimeout cancels the context by itself when the time is up.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel() // always release the timer, even when the work finished early
	_, err := lookup(ctx, "fast", 5*time.Millisecond)
	fmt.Println("fast lookup error:", err)
	_, err = lookup(ctx, "slow", time.Second)
	fmt.Println("slow lookup error:", err)
	fmt.Println("is a deadline:", errors.Is(err, context.DeadlineExceeded))

	// 2. Cancellation flows down the tree, never up.
	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	defer cancelChild()
	cancelParent()
	<-child.Done()
	fmt.Println("child after parent cancelled:", child.Err())

	// 3. A goroutine that outlives its caller must not block forever on its send:
	//    a buffer of one lets it finish even when nobody reads the result.
	results := make(chan string, 1)
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	go func() {
		value, _ := lookup(context.Background(), "report", 60*time.Millisecond)
		results <- value // never blocks, thanks to the buffer
	}()
	select {
	case r := <-results:
		fmt.Println("got", r)
	case <-ctx2.Done():
		fmt.Println("gave up waiting:", ctx2.Err())
	}
}
