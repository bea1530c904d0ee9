// One dependency behind a real hyper server, with a budget and status codes, called over the loopback.
// The capstone does the same with three dependencies.
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Client, Request, Response, Server, StatusCode};
use serde_json::json;
use std::convert::Infallible;
use std::time::Duration;

async fn recommendations(user_id: i64) -> anyhow::Result<Vec<String>> {
    // user 2's service is slow, user 3's fails: enough to see every status code.
    match user_id {
        2 => tokio::time::sleep(Duration::from_millis(1_000)).await,
        3 => anyhow::bail!("recs-3.internal: connection reset"),
        _ => tokio::time::sleep(Duration::from_millis(10)).await,
    }
    Ok(vec![format!("sku-{}-1", user_id), format!("sku-{}-2", user_id)])
}

fn reply(status: StatusCode, body: serde_json::Value) -> Response<Body> {
    Response::builder().status(status).header("content-type", "application/json").body(Body::from(body.to_string())).unwrap()
}

async fn handle(budget: Duration, req: Request<Body>) -> Result<Response<Body>, Infallible> {
    let Some(user_id) = req.uri().path().strip_prefix("/recommendations/").and_then(|id| id.parse::<i64>().ok()) else {
        return Ok(reply(StatusCode::NOT_FOUND, json!({ "error": "not found" })));
    };
    Ok(match tokio::time::timeout(budget, recommendations(user_id)).await {
        Ok(Ok(items)) => reply(StatusCode::OK, json!({ "recommendations": items })),
        Ok(Err(_)) => reply(StatusCode::BAD_GATEWAY, json!({ "error": "the recommendation service failed" })),
        Err(_) => reply(StatusCode::GATEWAY_TIMEOUT, json!({ "error": "the recommendation service is too slow" })),
    })
}

#[tokio::main]
async fn main() {
    let budget = Duration::from_millis(100); // a parameter, so a test can scale it down
    let make = make_service_fn(move |_| async move { Ok::<_, Infallible>(service_fn(move |req| handle(budget, req))) });
    let server = Server::bind(&([127, 0, 0, 1], 0).into()).serve(make);
    let addr = server.local_addr();
    tokio::spawn(server);

    let client = Client::new();
    for path in ["/recommendations/1", "/recommendations/2", "/recommendations/3", "/nope"] {
        let started = std::time::Instant::now();
        let response = client.get(format!("http://{}{}", addr, path).parse().unwrap()).await.unwrap();
        let status = response.status().as_u16();
        let body = hyper::body::to_bytes(response.into_body()).await.unwrap();
        let in_budget = started.elapsed() < Duration::from_millis(400);
        println!("GET {:<19} -> {} {} (answered well within the slow call's 1 s: {})", path, status, String::from_utf8_lossy(&body), in_budget);
    }
}
