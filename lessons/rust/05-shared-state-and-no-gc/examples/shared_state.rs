// Shared, mutable state across threads and tasks: Arc for shared ownership, Mutex for one writer at a time.
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

#[derive(Default)]
struct Stats {
    requests: u64,
    by_status: HashMap<u16, u64>,
}

#[tokio::main]
async fn main() {
    // 1. Threads: four workers update one Stats. Arc::clone copies a pointer and bumps a counter, not the data.
    let stats = Arc::new(Mutex::new(Stats::default()));
    let mut workers = Vec::new();
    for worker in 0..4u16 {
        let stats = Arc::clone(&stats);
        workers.push(thread::spawn(move || {
            for i in 0..1_000u16 {
                let status = if (worker + i) % 10 == 0 { 500 } else { 200 };
                let mut guard = stats.lock().unwrap(); // blocks until no other thread holds the lock
                guard.requests += 1;
                *guard.by_status.entry(status).or_insert(0) += 1;
            } // the guard is dropped at the end of each iteration, which unlocks
        }));
    }
    for w in workers {
        w.join().unwrap();
    }
    let stats = stats.lock().unwrap();
    let mut by_status: Vec<_> = stats.by_status.iter().collect();
    by_status.sort();
    println!("threads: {} requests, by status {:?}", stats.requests, by_status);

    // 2. Tokio tasks: the same pattern. Hold a std Mutex only for short work and never across an .await.
    let hits = Arc::new(Mutex::new(HashMap::<String, u32>::new()));
    let mut tasks = Vec::new();
    for path in ["/users", "/health", "/users", "/orders", "/users"] {
        let hits = Arc::clone(&hits);
        tasks.push(tokio::spawn(async move {
            tokio::task::yield_now().await; // some async work first
            *hits.lock().unwrap().entry(path.to_string()).or_insert(0) += 1;
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let mut hits: Vec<_> = hits.lock().unwrap().clone().into_iter().collect();
    hits.sort();
    println!("tasks:   {:?}", hits);

    // 3. Many readers, rare writers: RwLock. A single number: an atomic, no lock at all.
    let config = Arc::new(RwLock::new(String::from("v1")));
    let served = Arc::new(AtomicU64::new(0));
    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (config, served) = (Arc::clone(&config), Arc::clone(&served));
            thread::spawn(move || {
                let version = config.read().unwrap().clone(); // many readers may hold read() at once
                served.fetch_add(1, Ordering::Relaxed);
                version
            })
        })
        .collect();
    let seen: Vec<String> = readers.into_iter().map(|r| r.join().unwrap()).collect();
    *config.write().unwrap() = String::from("v2"); // write() waits until no reader holds the lock
    println!("rwlock:  readers saw {:?}, now {}, served {}", seen, config.read().unwrap(), served.load(Ordering::Relaxed));
    println!("arc:     {} owner(s) of the config left", Arc::strong_count(&config));
}
