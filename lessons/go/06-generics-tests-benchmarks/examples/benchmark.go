// The testing package works outside `go test` too: testing.AllocsPerRun counts allocations and
// testing.Benchmark runs a benchmark function. Allocation counts are stable; times are not, so this prints none.
package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func joinPlus(ids []int) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ","
		}
		s += strconv.Itoa(id) // a new, longer string every time
	}
	return s
}

func joinBuilder(ids []int) string {
	var b strings.Builder
	b.Grow(len(ids) * 4) // one allocation, big enough for the whole result
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(id)) // small numbers: strconv uses a table, no allocation
	}
	return b.String()
}

func main() {
	ids := make([]int, 50)
	for i := range ids {
		ids[i] = i
	}
	fmt.Println("same result:", joinPlus(ids) == joinBuilder(ids))
	fmt.Println("allocations, +=:     ", testing.AllocsPerRun(100, func() { joinPlus(ids) }))
	fmt.Println("allocations, Builder:", testing.AllocsPerRun(100, func() { joinBuilder(ids) }))

	// In a _test.go file this would be func BenchmarkJoinBuilder(b *testing.B), run by `go test -bench .`.
	// Outside go test, the flags are set by hand: a fixed 200 iterations instead of "as many as fit in 1 s".
	testing.Init()
	flag.Set("test.benchtime", "200x")
	result := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			joinBuilder(ids)
		}
	})
	fmt.Println("benchmark iterations:", result.N, "| allocs per op:", result.AllocsPerOp())
}
