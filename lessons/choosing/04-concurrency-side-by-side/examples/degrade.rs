// Not every dependency is worth failing the request for. Wait for all three to settle, then decide:
// a required one that failed means 500, an optional one that failed means a fallback value.
use std::time::Duration;
use tokio::time::sleep;

const FALLBACK: &str = "fallback: top sellers";

async fn fetch_dependency(ms: u64, fails: Option<&str>) -> Result<(), String> {
    sleep(Duration::from_millis(ms)).await;
    match fails {
        Some(reason) => Err(reason.to_string()),
        None => Ok(()),
    }
}

async fn handle(scenario: &str, fails: [Option<&str>; 3]) {
    // join! (not try_join!) waits for all three and hands back every Result, failures included.
    let (user, recs, analytics) = tokio::join!(
        fetch_dependency(10, fails[0]),
        fetch_dependency(20, fails[1]),
        fetch_dependency(30, fails[2]),
    );

    let mut status = 200;
    println!("scenario: {scenario}");
    for (name, result, required) in [("user_data", user, true), ("recommendations", recs, false), ("analytics", analytics, true)] {
        match result {
            Ok(()) => println!("  {name}: answered"),
            Err(reason) if required => {
                status = 500;
                println!("  {name}: failed ({reason})");
            }
            Err(_) => println!("  {name}: failed, {FALLBACK}"),
        }
    }
    println!("  status {status}");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    handle("recommendations down", [None, Some("ml-service unavailable"), None]).await;
    handle("user_data down", [Some("database unavailable"), None, None]).await;
}
