// How far the standard library alone gets you: in Rust, not to HTTP at all. std and tokio give you TCP;
// parsing requests and writing responses is what hyper (and Axum or Actix on top of it) does for you.
// This hand-rolled version handles exactly one simple GET per connection, which is all it needs to here.
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

fn route(path: &str) -> (u16, &'static str, serde_json::Value) {
    if path == "/health" {
        return (200, "OK", json!({ "status": "ok" }));
    }
    if let Some(raw) = path.strip_prefix("/users/") {
        return match raw.parse::<u64>() {
            Ok(id) => (200, "OK", json!({ "id": id })),
            Err(_) => (400, "Bad Request", json!({ "error": "id must be a number" })),
        };
    }
    (404, "Not Found", json!({ "error": "not found" }))
}

async fn serve(mut stream: TcpStream) -> anyhow::Result<()> {
    let mut buf = vec![0u8; 4096];
    let n = stream.read(&mut buf).await?; // a small GET arrives in one read on loopback
    let request = String::from_utf8_lossy(&buf[..n]);
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let (status, reason, body) = route(path);
    let body = body.to_string();
    let head = format!("HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    Ok(())
}

async fn get(port: u16, path: &str) -> anyhow::Result<(String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream.write_all(format!("GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n").as_bytes()).await?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await?;
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split_whitespace().nth(1).unwrap_or("?").to_string();
    Ok((status, body.to_string()))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let port = listener.local_addr()?.port();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve(stream));
        }
    });
    for path in ["/health", "/users/42", "/users/abc", "/nope"] {
        let (status, body) = get(port, path).await?;
        println!("GET {path} -> {status} {body}");
    }
    Ok(())
}
