// 1,000 simulated I/O calls (each waits 100 ms, as a slow database query would), all in flight at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

const (
	calls = 1000
	wait  = 100 * time.Millisecond
)

func main() {
	var (
		mu       sync.Mutex // goroutines may run on several cores at once, so shared counters need a lock
		inFlight int
		peak     int
		finished int
		wg       sync.WaitGroup
	)
	started := time.Now()
	for i := 0; i < calls; i++ {
		wg.Add(1)
		go func() { // one goroutine per call: no async keyword, the runtime parks it while it sleeps
			defer wg.Done()
			mu.Lock()
			inFlight++
			if inFlight > peak {
				peak = inFlight
			}
			mu.Unlock()

			time.Sleep(wait)

			mu.Lock()
			inFlight--
			finished++
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(started)

	answer := "no"
	if elapsed < 2*time.Second {
		answer = "yes"
	}
	fmt.Printf("calls finished: %d\n", finished)
	fmt.Printf("most calls waiting at the same time: %d\n", peak)
	fmt.Printf("one after another this would take %.0f s\n", (calls * wait).Seconds())
	fmt.Printf("took under 2 s instead: %s\n", answer)
}
