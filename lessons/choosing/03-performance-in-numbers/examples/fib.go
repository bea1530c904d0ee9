// Naive recursive Fibonacci, the articles' CPU benchmark. It prints results and call counts, never times:
// the work done is the same on every machine, the time it takes is not.
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

	previous := 0
	for _, n := range []int{15, 20, 25} {
		calls = 0
		result := fib(n)
		growth := ""
		if previous > 0 {
			growth = fmt.Sprintf(" (%.1fx the calls of fib(%d))", float64(calls)/float64(previous), n-5)
		}
		fmt.Printf("fib(%d) = %d after %d calls%s\n", n, result, calls, growth)
		previous = calls
	}
}
