// A small JSON API on hyper 0.14 and tokio: a router that is just a match, serde for the bodies, and a client
// calling the server over the loopback inside the same program.
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Client, Method, Request, Response, Server, StatusCode};
use serde::{Deserialize, Serialize};
use std::convert::Infallible;

#[derive(Serialize)]
struct User {
    id: u64,
    name: &'static str,
}

#[derive(Deserialize)]
struct NewUser {
    name: String,
}

fn json<T: Serialize>(status: StatusCode, value: &T) -> Response<Body> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(serde_json::to_vec(value).unwrap()))
        .unwrap()
}

fn error(status: StatusCode, message: &str) -> Response<Body> {
    json(status, &serde_json::json!({ "error": message }))
}

// The whole router: one async function from a request to a response.
async fn handle(req: Request<Body>) -> Result<Response<Body>, Infallible> {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let response = match (method, segments.as_slice()) {
        (Method::GET, ["health"]) => Response::new(Body::from("ok")),
        (Method::GET, ["users", id]) => match id.parse::<u64>() {
            Ok(1) => json(StatusCode::OK, &User { id: 1, name: "Ada" }),
            Ok(_) => error(StatusCode::NOT_FOUND, "no such user"),
            Err(_) => error(StatusCode::BAD_REQUEST, "the user id must be a number"),
        },
        (Method::POST, ["users"]) => {
            let bytes = match hyper::body::to_bytes(req.into_body()).await {
                Ok(bytes) => bytes,
                Err(_) => return Ok(error(StatusCode::BAD_REQUEST, "could not read the body")),
            };
            match serde_json::from_slice::<NewUser>(&bytes) {
                Ok(new) if new.name.trim().is_empty() => error(StatusCode::UNPROCESSABLE_ENTITY, "name is empty"),
                Ok(new) => json(StatusCode::CREATED, &serde_json::json!({ "id": 2, "name": new.name })),
                Err(_) => error(StatusCode::BAD_REQUEST, "expected {\"name\": \"...\"}"),
            }
        }
        _ => error(StatusCode::NOT_FOUND, "not found"),
    };
    Ok(response)
}

#[tokio::main]
async fn main() {
    // Port 0: the operating system picks a free port. make_service_fn builds one service per connection.
    let make = make_service_fn(|_conn| async { Ok::<_, Infallible>(service_fn(handle)) });
    let server = Server::bind(&([127, 0, 0, 1], 0).into()).serve(make);
    let addr = server.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.with_graceful_shutdown(async {
        stopped.await.ok();
    }));

    let client = Client::new();
    let calls = [
        ("GET", "/health", ""),
        ("GET", "/users/1", ""),
        ("GET", "/users/7", ""),
        ("GET", "/users/ada", ""),
        ("POST", "/users", r#"{"name": "Grace"}"#),
        ("POST", "/users", r#"{"name": " "}"#),
        ("POST", "/users", "not json"),
        ("DELETE", "/users/1", ""),
    ];
    for (method, path, body) in calls {
        let request = Request::builder()
            .method(method)
            .uri(format!("http://{}{}", addr, path))
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap();
        let response = client.request(request).await.unwrap();
        let status = response.status();
        let bytes = hyper::body::to_bytes(response.into_body()).await.unwrap();
        println!("{:<6} {:<10} -> {} {}", method, path, status.as_u16(), String::from_utf8_lossy(&bytes));
    }

    stop.send(()).unwrap(); // graceful shutdown: stop accepting, finish what is in flight
    running.await.unwrap().unwrap();
    println!("server stopped");
}
