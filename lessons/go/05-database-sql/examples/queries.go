// database/sql with the go-sqlite3 driver: a pool of connections, parameters, one row, many rows.
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver; nothing else is used by name
)

type User struct {
	ID    int64
	Name  string
	Email string
}

var ErrNotFound = errors.New("not found")

func getUser(ctx context.Context, db *sql.DB, id int64) (User, error) {
	var u User
	err := db.QueryRowContext(ctx, "SELECT id, name, email FROM users WHERE id = ?", id).Scan(&u.ID, &u.Name, &u.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("user %d: %w", id, err)
	}
	return u, nil
}

func usersNamed(ctx context.Context, db *sql.DB, prefix string) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name, email FROM users WHERE name LIKE ? ORDER BY id", prefix+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close() // gives the connection back to the pool
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err() // an error that ended the loop early shows up here
}

func main() {
	dir, _ := os.MkdirTemp("", "db")
	defer os.RemoveAll(dir)
	// sql.Open checks nothing and connects to nothing: it makes a pool that connects on first use.
	db, err := sql.Open("sqlite3", filepath.Join(dir, "app.db"))
	if err != nil {
		panic(err)
	}
	defer db.Close()
	ctx := context.Background()

	if _, err := db.ExecContext(ctx, `CREATE TABLE users (
		id INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		email TEXT NOT NULL UNIQUE)`); err != nil {
		panic(err)
	}
	for _, u := range [][2]string{{"Ada", "ada@example.com"}, {"Alan", "alan@example.com"}, {"Grace", "grace@example.com"}} {
		res, err := db.ExecContext(ctx, "INSERT INTO users (name, email) VALUES (?, ?)", u[0], u[1])
		if err != nil {
			panic(err)
		}
		id, _ := res.LastInsertId()
		fmt.Println("inserted", u[0], "as id", id)
	}

	u, err := getUser(ctx, db, 2)
	fmt.Printf("user 2: %+v, error: %v\n", u, err)
	_, err = getUser(ctx, db, 42)
	fmt.Println("user 42:", err, "| not found:", errors.Is(err, ErrNotFound))

	_, err = db.ExecContext(ctx, "INSERT INTO users (name, email) VALUES (?, ?)", "Ada again", "ada@example.com")
	fmt.Println("duplicate email:", err)

	// The parameter is data, never SQL: this "name" matches nobody instead of every row.
	hostile := "x' OR '1'='1"
	found, _ := usersNamed(ctx, db, hostile)
	fmt.Println("users matching a hostile name:", len(found))
	found, _ = usersNamed(ctx, db, "A")
	for _, u := range found {
		fmt.Println("name starts with A:", u.Name)
	}
}
