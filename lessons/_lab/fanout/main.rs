// Fan-out with a deadline: ask three dependencies at once and wait at most 500 ms for all of them together.
use std::time::{Duration, Instant};
use tokio::time::{self, sleep};

const DEADLINE_MS: u64 = 500;
const DEPENDENCIES: [(&str, u64); 3] = [("users", 100), ("orders", 200), ("recommendations", 800)];

// A stand-in for a network call that answers after `delay_ms`.
async fn call(name: &str, delay_ms: u64) -> String {
    sleep(Duration::from_millis(delay_ms)).await;
    format!("{name}: ok after {delay_ms} ms")
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let deadline = time::Instant::now() + Duration::from_millis(DEADLINE_MS);
    let tasks: Vec<_> = DEPENDENCIES
        .iter()
        .map(|&(name, delay_ms)| tokio::spawn(time::timeout_at(deadline, call(name, delay_ms))))
        .collect();

    let mut lines = Vec::new();
    for (task, (name, _)) in tasks.into_iter().zip(DEPENDENCIES) {
        match task.await.expect("the task panicked") {
            Ok(line) => lines.push(line),
            Err(_) => lines.push(format!("{name}: timed out (deadline {DEADLINE_MS} ms)")),
        }
    }
    let elapsed_ms = start.elapsed().as_secs_f64() * 1000.0;

    for line in lines {
        println!("{line}");
    }
    println!("elapsed_ms={elapsed_ms:.1}");
}
