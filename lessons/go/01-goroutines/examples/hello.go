// Start a goroutine with the go keyword; wait for it with a sync.WaitGroup.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	greetings := make([]string, 3)

	for i, name := range []string{"Ada", "Grace", "Linus"} {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			// Each goroutine writes only its own slot, so no lock is needed.
			greetings[i] = fmt.Sprintf("hello, %s", name)
		}(i, name)
	}

	wg.Wait()
	for _, g := range greetings {
		fmt.Println(g)
	}
}
