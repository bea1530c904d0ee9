// Profiling a live server: net/http/pprof adds /debug/pprof/ handlers, and the goroutine profile shows
// where every goroutine is waiting. Here it finds a leak: goroutines blocked on a channel nobody reads.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	_ "net/http/pprof" // registers /debug/pprof/* on http.DefaultServeMux
	"runtime"
	"strings"
)

func leakyHandler(w http.ResponseWriter, r *http.Request) {
	results := make(chan string) // unbuffered: the send below blocks forever once the handler returns
	go func() { results <- "late answer" }()
	fmt.Fprintln(w, "answered without waiting")
}

func get(url string) string {
	resp, err := http.Get(url)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

func main() {
	http.HandleFunc("/leaky", leakyHandler)
	srv := httptest.NewServer(http.DefaultServeMux) // pprof's handlers live on the default mux
	defer srv.Close()

	before := runtime.NumGoroutine()
	for i := 0; i < 5; i++ {
		get(srv.URL + "/leaky")
	}
	srv.CloseClientConnections()
	fmt.Println("goroutines left behind:", runtime.NumGoroutine()-before >= 5)

	// debug=1 gives a text profile: identical stacks are grouped with a count.
	profile := get(srv.URL + "/debug/pprof/goroutine?debug=1")
	for _, line := range strings.Split(profile, "\n") {
		if strings.HasPrefix(line, "5 @") {
			fmt.Println("a group of 5 identical goroutines")
		}
		if strings.Contains(line, "main.leakyHandler.func1") {
			fmt.Println("blocked in:", strings.Split(strings.Fields(line)[2], "+")[0]) // drop the +0x offset
		}
	}
	index := get(srv.URL + "/debug/pprof/")
	for _, name := range []string{"heap", "goroutine", "profile", "trace"} {
		fmt.Printf("/debug/pprof/%s available: %v\n", name, strings.Contains(index, name))
	}
}
