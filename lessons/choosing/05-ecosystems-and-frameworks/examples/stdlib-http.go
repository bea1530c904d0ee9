// How far the standard library alone gets you: in Go, quite far. net/http is the server many teams deploy as is,
// and httptest runs it in-process. (Since Go 1.22 the mux also matches "GET /users/{id}"; this sandbox has an
// older Go, so the id is cut out of the path by hand.)
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
)

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("/users/", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/users/"))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "id must be a number"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]int{"id": id})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
	})
	return mux
}

func main() {
	server := httptest.NewServer(newMux()) // a real listener on a free loopback port
	defer server.Close()
	for _, path := range []string{"/health", "/users/42", "/users/abc", "/nope"} {
		response, err := http.Get(server.URL + path)
		if err != nil {
			panic(err)
		}
		body, _ := io.ReadAll(response.Body)
		response.Body.Close()
		fmt.Printf("GET %s -> %d %s\n", path, response.StatusCode, strings.TrimSpace(string(body)))
	}
}
