// A worker pool: jobs go in on one channel, results come out on another.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	job    int
	square int
	worker int
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for n := range jobs {
		results <- result{job: n, square: n * n, worker: id}
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup

	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go worker(id, jobs, results, &wg)
	}

	go func() {
		for n := 1; n <= 6; n++ {
			jobs <- n
		}
		close(jobs) // no more work: the workers' range loops end
	}()

	go func() {
		wg.Wait()
		close(results) // every worker is done: the loop below ends
	}()

	var all []result
	for r := range results {
		all = append(all, r)
	}
	// Which worker got which job varies from run to run, so print in job order only.
	sort.Slice(all, func(i, j int) bool { return all[i].job < all[j].job })
	sum := 0
	for _, r := range all {
		fmt.Printf("%d squared is %d\n", r.job, r.square)
		sum += r.square
	}
	fmt.Printf("%d jobs, sum of squares %d\n", len(all), sum)
}
