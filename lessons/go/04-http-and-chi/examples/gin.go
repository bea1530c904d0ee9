// The same routes on gin: handlers take a *gin.Context that wraps the request and the response,
// and binding decodes and validates JSON in one call.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

type Note struct {
	ID   int    `json:"id"`
	Text string `json:"text" binding:"required"` // validated by gin's binding
}

func main() {
	gin.SetMode(gin.ReleaseMode) // no debug banner
	r := gin.New()               // gin.Default() would add gin's logger and recovery middleware
	r.Use(gin.Recovery())

	notes := map[int]Note{1: {1, "buy milk"}}
	r.GET("/notes/:id", func(c *gin.Context) {
		id, err := strconv.Atoi(c.Param("id"))
		if err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": "id must be a number"})
			return
		}
		note, ok := notes[id]
		if !ok {
			c.JSON(http.StatusNotFound, gin.H{"error": "no such note"})
			return
		}
		c.JSON(http.StatusOK, note)
	})
	r.POST("/notes", func(c *gin.Context) {
		var in Note
		if err := c.ShouldBindJSON(&in); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": "text is required"})
			return
		}
		in.ID = len(notes) + 1
		notes[in.ID] = in
		c.JSON(http.StatusCreated, in)
	})

	srv := httptest.NewServer(r) // a *gin.Engine is an http.Handler too
	defer srv.Close()
	for _, call := range []struct{ method, path, body string }{
		{"GET", "/notes/1", ""},
		{"POST", "/notes", `{"text": "call Ada"}`},
		{"POST", "/notes", `{}`},
		{"GET", "/notes/2", ""},
	} {
		req, _ := http.NewRequest(call.method, srv.URL+call.path, strings.NewReader(call.body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%s %s: %d %s\n", call.method, call.path, resp.StatusCode, body)
	}
}
