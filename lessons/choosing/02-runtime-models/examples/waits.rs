// 1,000 simulated I/O calls (each waits 100 ms, as a slow database query would), all in flight at once.
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CALLS: u64 = 1_000;
const WAIT: Duration = Duration::from_millis(100);

#[derive(Default)]
struct Counters {
    in_flight: u64,
    peak: u64,
}

#[tokio::main]
async fn main() {
    // Tasks may run on several threads, so the shared counters live behind Arc (shared ownership)
    // and Mutex (one writer at a time). Without them, this program would not compile.
    let counters = Arc::new(Mutex::new(Counters::default()));
    let started = Instant::now();

    let mut handles = Vec::new();
    for call_id in 0..CALLS {
        let counters = Arc::clone(&counters);
        handles.push(tokio::spawn(async move {
            {
                let mut c = counters.lock().unwrap();
                c.in_flight += 1;
                c.peak = c.peak.max(c.in_flight);
            } // the lock is released here, before we wait
            tokio::time::sleep(WAIT).await; // the thread is free while we wait
            counters.lock().unwrap().in_flight -= 1;
            call_id
        }));
    }
    let mut finished = 0;
    for handle in handles {
        handle.await.unwrap();
        finished += 1;
    }
    let elapsed = started.elapsed();

    let peak = counters.lock().unwrap().peak;
    println!("calls finished: {}", finished);
    println!("most calls waiting at the same time: {}", peak);
    println!("one after another this would take {} s", (WAIT * CALLS as u32).as_secs());
    println!("took under 2 s instead: {}", if elapsed < Duration::from_secs(2) { "yes" } else { "no" });
}
