// Fearless concurrency: the compiler only accepts sharing that cannot race.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;

fn main() {
    let requests: Vec<u64> = (1..=8).collect();
    let served = AtomicU64::new(0);

    // Scoped threads may borrow `requests` and `served` because they are joined before the scope ends.
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        for chunk in requests.chunks(4) {
            let tx = tx.clone();
            let served = &served;
            s.spawn(move || {
                let bytes: u64 = chunk.iter().map(|id| id * 100).sum();
                served.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                tx.send(bytes).unwrap();
            });
        }
    });
    drop(tx); // close our end so the receiver knows no more messages will come

    let mut totals: Vec<u64> = rx.iter().collect();
    totals.sort();
    println!("bytes per thread: {:?}", totals);
    println!("requests served: {}", served.load(Ordering::Relaxed));
}
