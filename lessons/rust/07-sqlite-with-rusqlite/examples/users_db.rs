// rusqlite: SQLite from Rust. Parameters instead of string formatting, Option for rows that may not exist,
// transactions that roll back unless committed, and rows mapped into serde types.
use rusqlite::{params, Connection, OptionalExtension, Result};
use serde::Serialize;

#[derive(Debug, Serialize)]
struct User {
    id: i64,
    name: String,
    email: String,
    team: Option<String>, // a NULL column is an Option
}

fn setup(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE users (
             id    INTEGER PRIMARY KEY,
             name  TEXT NOT NULL,
             email TEXT NOT NULL UNIQUE,
             team  TEXT
         );",
    )?;
    let mut insert = conn.prepare("INSERT INTO users (name, email, team) VALUES (?1, ?2, ?3)")?; // compiled once
    insert.execute(params!["Ada", "ada@example.com", "platform"])?;
    insert.execute(params!["Alan", "alan@example.com", Option::<String>::None])?;
    insert.execute(params!["Grace", "grace@example.com", "platform"])?;
    Ok(())
}

fn user_by_email(conn: &Connection, email: &str) -> Result<Option<User>> {
    conn.query_row("SELECT id, name, email, team FROM users WHERE email = ?1", [email], |row| {
        Ok(User { id: row.get(0)?, name: row.get(1)?, email: row.get(2)?, team: row.get(3)? })
    })
    .optional() // "no rows" becomes Ok(None) instead of an error
}

fn team_members(conn: &Connection, team: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM users WHERE team = ?1 ORDER BY name")?;
    let names = stmt.query_map([team], |row| row.get(0))?;
    names.collect() // an iterator of Result<String> collects into Result<Vec<String>>
}

fn main() -> Result<()> {
    let mut conn = Connection::open_in_memory()?;
    setup(&conn)?;

    let ada = user_by_email(&conn, "ada@example.com")?;
    println!("found:     {}", serde_json::to_string(&ada).unwrap());
    println!("absent:    {:?}", user_by_email(&conn, "nobody@example.com")?.map(|u| u.name));
    // The parameter is data, never SQL: the quote trick matches nothing.
    println!("injection: {:?}", user_by_email(&conn, "x' OR '1'='1")?.map(|u| u.name));
    println!("platform:  {:?}", team_members(&conn, "platform")?);

    // A transaction: both statements happen, or neither. Dropping it without commit() rolls back.
    {
        let tx = conn.transaction()?;
        tx.execute("UPDATE users SET team = ?1 WHERE name = ?2", params!["search", "Alan"])?;
        let clash = tx.execute("INSERT INTO users (name, email) VALUES (?1, ?2)", params!["Ada II", "ada@example.com"]);
        match clash {
            Ok(_) => tx.commit()?,
            Err(error) => println!("rolled back: {}", error), // tx is dropped here: rollback
        }
    }
    println!("alan's team after the rollback: {:?}", user_by_email(&conn, "alan@example.com")?.and_then(|u| u.team));

    let tx = conn.transaction()?;
    tx.execute("UPDATE users SET team = ?1 WHERE name = ?2", params!["search", "Alan"])?;
    tx.commit()?;
    println!("alan's team after the commit:   {:?}", user_by_email(&conn, "alan@example.com")?.and_then(|u| u.team));
    Ok(())
}
