// join! runs futures concurrently on one task and waits for all; try_join! stops at the first error.
// A future that is dropped before it finishes is cancelled: the Drop guard below shows when that happens.
use std::time::{Duration, Instant};
use tokio::time::sleep;

struct Trace(&'static str);
impl Drop for Trace {
    fn drop(&mut self) {
        println!("  {} dropped", self.0);
    }
}

async fn call(name: &'static str, ms: u64, fails: bool) -> Result<String, String> {
    let _trace = Trace(name); // dropped when the call ends, or when its future is dropped half-way
    println!("  {} started", name);
    sleep(Duration::from_millis(ms)).await;
    if fails {
        println!("  {} failed", name);
        return Err(format!("{} is down", name));
    }
    println!("  {} answered", name);
    Ok(format!("{}-data", name))
}

#[tokio::main]
async fn main() {
    println!("one after another:");
    let start = Instant::now();
    let a = call("user", 60, false).await.unwrap();
    let b = call("recs", 60, false).await.unwrap();
    let sequential = start.elapsed();
    println!("  got {} and {}", a, b);

    println!("join! (all three at once, wait for all):");
    let start = Instant::now();
    let (user, recs, stats) = tokio::join!(call("user", 20, false), call("recs", 40, false), call("stats", 60, false));
    let concurrent = start.elapsed();
    println!("  got {:?} {:?} {:?}", user, recs, stats);
    println!("  took about the slowest call, not the sum: {}", concurrent < sequential);

    println!("try_join! (the first error wins, the others are dropped):");
    let result = tokio::try_join!(call("user", 20, false), call("recs", 40, true), call("stats", 400, false));
    println!("  result: {:?}", result);
}
