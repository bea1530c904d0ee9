// Watching the garbage collector from inside a program: runtime.MemStats counts collections and heap size,
// and runtime/debug sets the two knobs, GOGC and (since Go 1.19) a soft memory limit.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

type session struct {
	user  string
	items []string // a pointer inside: the collector must follow it
}

type compactSession struct {
	userID int64
	items  [4]int32 // no pointers: the collector can skip over this memory
}

var sink []*session

func churn(requests int) {
	for i := 0; i < requests; i++ {
		// Each request allocates a little and throws it away: garbage for the collector.
		s := &session{user: "u", items: make([]string, 16)}
		if i%1000 == 0 {
			sink = append(sink, s) // a few survive, like a cache
		}
	}
}

func collections() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

func main() {
	before := collections()
	churn(200_000)
	fmt.Println("collections during 200,000 requests > 0:", collections() > before)
	fmt.Println("sessions still reachable:", len(sink))

	// GOGC=100 (the default): collect when the heap has grown 100% since the last collection.
	// A larger value trades memory for fewer collections; -1 turns the collector off.
	old := debug.SetGCPercent(400)
	fmt.Println("GOGC was", old)
	before = collections()
	churn(200_000)
	fewer := collections() - before
	debug.SetGCPercent(100)
	before = collections()
	churn(200_000)
	normal := collections() - before
	fmt.Println("GOGC=400 collects less often than GOGC=100:", fewer < normal)

	// Go 1.19's soft memory limit (GOMEMLIMIT): collect harder as the heap nears the limit.
	prev := debug.SetMemoryLimit(64 << 20)
	fmt.Println("memory limit was unlimited:", prev == 1<<63-1)

	// Pointer-free data is cheaper to keep: the collector does not scan inside it.
	cache := make([]compactSession, 100_000)
	fmt.Println("compact cache entries:", len(cache))
}
