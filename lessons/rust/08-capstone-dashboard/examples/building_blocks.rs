// The capstone's pieces without HTTP: a SQLite lookup on the blocking pool, two simulated services, all three at
// once with try_join!, one budget with timeout, and every outcome turned into a status code.
use rusqlite::{Connection, OptionalExtension};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A simulated service: answers `payload(user_id)` after `latency_ms`, or fails with an error naming its host.
struct Service {
    host: &'static str,
    latency_ms: u64,
    fails: bool,
    payload: fn(i64) -> Value,
}

impl Service {
    async fn fetch(&self, user_id: i64) -> anyhow::Result<Value> {
        tokio::time::sleep(Duration::from_millis(self.latency_ms)).await;
        if self.fails {
            anyhow::bail!("{} refused the connection", self.host);
        }
        Ok((self.payload)(user_id))
    }
}

enum Failure {
    NotFound,
    Dependency(anyhow::Error),
}

fn load_user(conn: &Connection, user_id: i64) -> rusqlite::Result<Option<Value>> {
    conn.query_row("SELECT id, name, email FROM users WHERE id = ?1", [user_id], |row| {
        Ok(json!({ "id": row.get::<_, i64>(0)?, "name": row.get::<_, String>(1)?, "email": row.get::<_, String>(2)? }))
    })
    .optional()
}

async fn user(db: &Arc<Mutex<Connection>>, user_id: i64) -> Result<Value, Failure> {
    let db = Arc::clone(db);
    match tokio::task::spawn_blocking(move || load_user(&db.lock().unwrap(), user_id)).await {
        Ok(Ok(Some(user))) => Ok(user),
        Ok(Ok(None)) => Err(Failure::NotFound),
        Ok(Err(error)) => Err(Failure::Dependency(error.into())),
        Err(panicked) => Err(Failure::Dependency(panicked.into())),
    }
}

async fn dashboard(db: &Arc<Mutex<Connection>>, recs: &Service, stats: &Service, user_id: i64, budget: Duration) -> (u16, Value) {
    let all = async {
        tokio::try_join!(
            user(db, user_id),
            async { recs.fetch(user_id).await.map_err(Failure::Dependency) },
            async { stats.fetch(user_id).await.map_err(Failure::Dependency) },
        )
    };
    match tokio::time::timeout(budget, all).await {
        Ok(Ok((user, recommendations, analytics))) => {
            (200, json!({ "user": user, "recommendations": recommendations, "analytics": analytics }))
        }
        Ok(Err(Failure::NotFound)) => (404, json!({ "error": format!("no user {}", user_id) })),
        Ok(Err(Failure::Dependency(error))) => {
            println!("  (log) dashboard {}: {:#}", user_id, error); // the details stay on the server
            (502, json!({ "error": "a dependency failed" }))
        }
        Err(_elapsed) => (504, json!({ "error": "the dependencies did not answer in time" })),
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);
         INSERT INTO users VALUES (1, 'Ada', 'ada@example.com');",
    )?;
    let db = Arc::new(Mutex::new(conn));
    let budget = Duration::from_millis(200); // stands in for the 2 seconds of production

    let recs = |latency_ms, fails| Service {
        host: "recs.internal",
        latency_ms,
        fails,
        payload: |id| json!([format!("sku-{}-1", id), format!("sku-{}-2", id)]),
    };
    let stats = |latency_ms| Service { host: "stats.internal", latency_ms, fails: false, payload: |id| json!({ "visits": 10 * id, "orders": id }) };

    let scenarios = [
        ("all healthy", 1, recs(20, false), stats(40)),
        ("no such user", 9, recs(20, false), stats(40)),
        ("recs down", 1, recs(30, true), stats(150)),
        ("stats slow", 1, recs(20, false), stats(1_000)),
    ];
    for (name, user_id, recs, stats) in scenarios {
        println!("{}:", name);
        let (status, body) = dashboard(&db, &recs, &stats, user_id, budget).await;
        println!("  {} {}", status, body);
    }
    Ok(())
}
