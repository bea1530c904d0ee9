// Memory without a garbage collector: every allocation and free happens at a place you can see in the code.
// A counting allocator makes them visible.
use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_in(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    work();
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

struct Session {
    user: String,
    cache: Vec<u64>,
}

impl Drop for Session {
    fn drop(&mut self) {
        println!("  dropping the session of {} ({} cached ids)", self.user, self.cache.len());
    }
}

fn main() {
    // 1. Drop runs when the owner goes out of scope, and frees the memory right there.
    println!("a session:"); // (the first print allocates stdout's buffer, before we start counting)
    let live_before = LIVE_BYTES.load(Ordering::Relaxed);
    {
        let session = Session { user: String::from("ada"), cache: (0..10_000).collect() };
        println!("  in scope: about {} KB live", (LIVE_BYTES.load(Ordering::Relaxed) - live_before) / 1024);
        println!("  {} is using the cache", session.user);
    } // <- the drop happens here, not "at some later collection"
    println!("  after the scope: {} bytes still live", LIVE_BYTES.load(Ordering::Relaxed) - live_before);

    // 2. Allocations are yours to count, and to avoid.
    let growing = allocations_in(|| {
        let mut ids = Vec::new();
        for id in 0..1_000u64 {
            ids.push(id); // the vector doubles its buffer when it is full: 4, 8, 16, ... 1024
        }
    });
    let sized = allocations_in(|| {
        let mut ids = Vec::with_capacity(1_000);
        for id in 0..1_000u64 {
            ids.push(id);
        }
    });
    println!("push 1000 ids: {} allocations; with_capacity first: {}", growing, sized);

    let fresh = allocations_in(|| {
        for id in 0..100 {
            let line = format!("user-{}", id); // a new String each time
            std::hint::black_box(&line);
        }
    });
    let reused = allocations_in(|| {
        let mut line = String::with_capacity(32);
        for id in 0..100 {
            line.clear(); // keeps the buffer
            write!(line, "user-{}", id).unwrap();
            std::hint::black_box(&line);
        }
    });
    println!("100 formatted lines: {} allocations; reusing one buffer: {}", fresh, reused);

    // 3. Borrowing instead of copying: slices of the input, no allocation at all.
    let log = "GET /users 200\nGET /health 200\nPOST /orders 502";
    let mut failed = Vec::with_capacity(4);
    let borrowed = allocations_in(|| {
        for line in log.lines() {
            if line.ends_with("502") {
                failed.push(line.split(' ').nth(1).unwrap_or("")); // a &str pointing into `log`
            }
        }
    });
    println!("failed paths {:?}, found with {} allocations", failed, borrowed);
}
