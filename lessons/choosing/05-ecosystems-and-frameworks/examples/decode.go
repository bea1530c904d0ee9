// What the everyday tool does with bad input. encoding/json checks types, ignores unknown fields unless told
// otherwise, and fills a missing field with its zero value without a word.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
)

type User struct {
	Name string `json:"name"`
	Age  int    `json:"age"`
}

func main() {
	bodies := []string{
		`{"name":"Ada","age":36}`,
		`{"name":"Ada"}`,
		`{"name":"Ada","age":"36"}`,
		`{"name":"Ada","age":36,"admin":true}`,
	}
	for _, body := range bodies {
		var user User
		decoder := json.NewDecoder(bytes.NewReader([]byte(body)))
		// Without this line, "admin" would be dropped silently too.
		decoder.DisallowUnknownFields()
		if err := decoder.Decode(&user); err != nil {
			fmt.Printf("%s -> rejected: %v\n", body, err)
			continue
		}
		fmt.Printf("%s -> accepted: name=%s age=%d\n", body, user.Name, user.Age)
	}
}
