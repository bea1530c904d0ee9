// A transaction: every statement commits together or none does. defer tx.Rollback() undoes
// everything on any early return, and does nothing after a successful Commit.
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

var ErrInsufficient = errors.New("insufficient credits")

func transfer(ctx context.Context, db *sql.DB, from, to int, amount int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // returns sql.ErrTxDone after Commit, which we ignore

	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET credits = credits + ? WHERE id = ?", amount, to); err != nil {
		return err
	}
	var left int
	err = tx.QueryRowContext(ctx, "UPDATE accounts SET credits = credits - ? WHERE id = ? RETURNING credits", amount, from).Scan(&left)
	if err != nil {
		return err
	}
	if left < 0 {
		return fmt.Errorf("account %d would have %d: %w", from, left, ErrInsufficient) // rolls back both updates
	}
	return tx.Commit()
}

func balances(db *sql.DB) string {
	var a, b int
	db.QueryRow("SELECT (SELECT credits FROM accounts WHERE id = 1), (SELECT credits FROM accounts WHERE id = 2)").Scan(&a, &b)
	return fmt.Sprintf("account 1: %d, account 2: %d", a, b)
}

func main() {
	// A shared in-memory database: every connection of the pool sees the same data.
	db, err := sql.Open("sqlite3", "file:bank?mode=memory&cache=shared")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // SQLite has one writer at a time; one connection avoids "database is locked"
	db.Exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, credits INTEGER NOT NULL)")
	db.Exec("INSERT INTO accounts VALUES (1, 100), (2, 0)")
	ctx := context.Background()

	fmt.Println("start:", balances(db))
	fmt.Println("transfer 30:", transfer(ctx, db, 1, 2, 30))
	fmt.Println("after:", balances(db))
	err = transfer(ctx, db, 1, 2, 500)
	fmt.Println("transfer 500:", err, "| insufficient:", errors.Is(err, ErrInsufficient))
	fmt.Println("after:", balances(db))

	// A context that has already ended stops the work before it starts.
	expired, cancel := context.WithTimeout(ctx, time.Nanosecond)
	defer cancel()
	<-expired.Done()
	err = transfer(expired, db, 1, 2, 10)
	fmt.Println("transfer with an expired context:", err)
	fmt.Println("after:", balances(db))
}
