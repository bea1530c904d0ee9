// Naive recursive Fibonacci: the classic CPU-bound benchmark workload.
package main

import (
	"fmt"
	"strings"
)

var calls int

func fib(n int) int {
	calls++
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	first := make([]string, 0, 11)
	for n := 0; n <= 10; n++ {
		first = append(first, fmt.Sprint(fib(n)))
	}
	fmt.Printf("fib(0..10): %s\n", strings.Join(first, " "))

	calls = 0
	fmt.Printf("fib(25) = %d\n", fib(25))
	fmt.Printf("calls for fib(25): %d\n", calls)
}
