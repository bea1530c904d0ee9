// The capstone's building blocks without HTTP: a users table in a real SQLite file, a not-found error,
// and simulated services that answer, fail, or give up when their context ends.
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

type User struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

var ErrNotFound = errors.New("not found")

func loadUser(ctx context.Context, db *sql.DB, id int64) (*User, error) {
	var u User
	err := db.QueryRowContext(ctx, "SELECT id, name, email FROM users WHERE id = ?", id).Scan(&u.ID, &u.Name, &u.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	return &u, err
}

// simulated stands in for an HTTP service with a given latency; it honours its context like a real client.
func simulated[T any](payload T, latency time.Duration, fail bool) func(context.Context, int64) (T, error) {
	return func(ctx context.Context, userID int64) (T, error) {
		var zero T
		select {
		case <-time.After(latency):
			if fail {
				return zero, errors.New("recs.internal:8080 refused the connection")
			}
			return payload, nil
		case <-ctx.Done():
			return zero, ctx.Err()
		}
	}
}

func main() {
	dir, _ := os.MkdirTemp("", "capstone")
	defer os.RemoveAll(dir)
	db, err := sql.Open("sqlite3", filepath.Join(dir, "app.db"))
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.Exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL)")
	db.Exec("INSERT INTO users VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', 'alan@example.com')")
	ctx := context.Background()

	u, err := loadUser(ctx, db, 1)
	fmt.Printf("user 1: %+v %v\n", *u, err)
	_, err = loadUser(ctx, db, 99)
	fmt.Println("user 99:", err, "| is ErrNotFound:", errors.Is(err, ErrNotFound))

	recs := simulated([]string{"sku-1", "sku-2"}, 20*time.Millisecond, false)
	got, err := recs(ctx, 1)
	fmt.Println("recommendations:", got, err)

	broken := simulated([]string{}, 20*time.Millisecond, true)
	_, err = broken(ctx, 1)
	fmt.Println("broken service:", err)

	stats := simulated(map[string]int{"visits": 10}, time.Second, false)
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	_, err = stats(short, 1)
	fmt.Println("slow service under a 50 ms budget:", err)
}
