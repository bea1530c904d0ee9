// Errors are values: return them, wrap them with context, and inspect them with errors.Is and errors.As.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

// A sentinel error: one value that callers compare against.
var ErrNotFound = errors.New("not found")

// An error type carries data that callers can read.
type ValidationError struct {
	Field string
	Value string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s %q", e.Field, e.Value)
}

var users = map[int]string{1: "Ada", 2: "Alan"}

func findUser(raw string) (string, error) {
	id, err := strconv.Atoi(raw)
	if err != nil {
		return "", &ValidationError{Field: "user id", Value: raw}
	}
	name, ok := users[id]
	if !ok {
		// %w wraps: the message gains context, and the sentinel stays reachable.
		return "", fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	return name, nil
}

func greet(raw string) (string, error) {
	name, err := findUser(raw)
	if err != nil {
		return "", fmt.Errorf("greet: %w", err)
	}
	return "hello, " + name, nil
}

func main() {
	for _, raw := range []string{"1", "7", "x1"} {
		msg, err := greet(raw)
		var invalid *ValidationError
		switch {
		case err == nil:
			fmt.Println(msg)
		case errors.Is(err, ErrNotFound):
			fmt.Println("404:", err)
		case errors.As(err, &invalid):
			fmt.Printf("400: %v (field %q)\n", err, invalid.Field)
		default:
			fmt.Println("500:", err)
		}
	}

	// %v instead of %w keeps the text but cuts the chain.
	flat := fmt.Errorf("user 7: %v", ErrNotFound)
	fmt.Println("wrapped with %w:", errors.Is(fmt.Errorf("user 7: %w", ErrNotFound), ErrNotFound))
	fmt.Println("formatted with %v:", errors.Is(flat, ErrNotFound))
}
