// SQLite behind an async HTTP handler. rusqlite is blocking, so each query runs on tokio's blocking pool with
// spawn_blocking; the connection is shared as Arc<Mutex<Connection>>.
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Client, Request, Response, Server, StatusCode};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};

type Db = Arc<Mutex<Connection>>;

#[derive(Serialize)]
struct User {
    id: i64,
    name: String,
    email: String,
}

async fn load_user(db: Db, id: i64) -> anyhow::Result<Option<User>> {
    // The closure runs on a thread where blocking is fine; the task awaits it without blocking a worker.
    let user = tokio::task::spawn_blocking(move || {
        let conn = db.lock().unwrap();
        conn.query_row("SELECT id, name, email FROM users WHERE id = ?1", [id], |row| {
            Ok(User { id: row.get(0)?, name: row.get(1)?, email: row.get(2)? })
        })
        .optional()
    })
    .await??; // the first ? for the blocking task (it may panic), the second for the query
    Ok(user)
}

fn json(status: StatusCode, value: serde_json::Value) -> Response<Body> {
    Response::builder().status(status).header("content-type", "application/json").body(Body::from(value.to_string())).unwrap()
}

async fn handle(db: Db, req: Request<Body>) -> Result<Response<Body>, Infallible> {
    let id = req.uri().path().strip_prefix("/users/").and_then(|id| id.parse::<i64>().ok());
    let Some(id) = id else {
        return Ok(json(StatusCode::NOT_FOUND, serde_json::json!({ "error": "not found" })));
    };
    Ok(match load_user(db, id).await {
        Ok(Some(user)) => json(StatusCode::OK, serde_json::json!(user)),
        Ok(None) => json(StatusCode::NOT_FOUND, serde_json::json!({ "error": format!("no user {}", id) })),
        Err(error) => {
            eprintln!("load_user({}) failed: {:#}", id, error); // the details go to the log, not to the client
            json(StatusCode::INTERNAL_SERVER_ERROR, serde_json::json!({ "error": "database error" }))
        }
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);
         INSERT INTO users VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', 'alan@example.com');",
    )?;
    let db: Db = Arc::new(Mutex::new(conn));

    let make = make_service_fn(move |_| {
        let db = db.clone(); // one clone of the Arc per connection...
        async move { Ok::<_, Infallible>(service_fn(move |req| handle(db.clone(), req))) } // ...and per request
    });
    let server = Server::bind(&([127, 0, 0, 1], 0).into()).serve(make);
    let addr = server.local_addr();
    tokio::spawn(server);

    let client = Client::new();
    // Four requests at once: the handlers run concurrently, the queries one at a time behind the mutex.
    let paths = ["/users/1", "/users/2", "/users/3", "/teams"];
    let requests = paths.iter().map(|path| {
        let client = client.clone();
        let uri: hyper::Uri = format!("http://{}{}", addr, path).parse().unwrap();
        async move {
            let response = client.get(uri).await?;
            let status = response.status().as_u16();
            let body = hyper::body::to_bytes(response.into_body()).await?;
            Ok::<_, hyper::Error>((status, String::from_utf8_lossy(&body).to_string()))
        }
    });
    let answers = futures_join_all(requests).await;
    for (path, answer) in paths.iter().zip(answers) {
        let (status, body) = answer?;
        println!("GET {:<9} -> {} {}", path, status, body);
    }
    Ok(())
}

// A tiny join_all for a list of futures: spawn each, then await them in order.
async fn futures_join_all<F, T>(futures: impl Iterator<Item = F>) -> Vec<T>
where
    F: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.unwrap());
    }
    results
}
