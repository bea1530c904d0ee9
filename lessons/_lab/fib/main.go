// Recursive Fibonacci, the same function in every language. The program times only the computation itself.
package main

import (
	"fmt"
	"time"
)

const n = 30

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	start := time.Now()
	result := fib(n)
	elapsed := time.Since(start)
	fmt.Printf("fib(%d) = %d\n", n, result)
	fmt.Printf("elapsed_ms=%.1f\n", float64(elapsed.Microseconds())/1000)
}
