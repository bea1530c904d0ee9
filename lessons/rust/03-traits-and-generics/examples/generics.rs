// Generics with trait bounds, a generic struct, derive, and iterators: abstractions the compiler turns into
// plain loops specialised for each type ("zero-cost abstractions").
use std::collections::HashMap;
use std::hash::Hash;

// `T: PartialOrd + Copy` is the bound: what largest needs from T, and nothing more.
fn largest<T: PartialOrd + Copy>(items: &[T]) -> Option<T> {
    let mut best = *items.first()?;
    for &item in items {
        if item > best {
            best = item;
        }
    }
    Some(best)
}

// A generic counter; `where` keeps long bounds readable.
struct Counter<K> {
    counts: HashMap<K, u32>,
}

impl<K> Counter<K>
where
    K: Hash + Eq + Clone + Ord,
{
    fn new() -> Self {
        Counter { counts: HashMap::new() }
    }
    fn add(&mut self, key: &K) {
        *self.counts.entry(key.clone()).or_insert(0) += 1;
    }
    // Sorted, so the output does not depend on HashMap's random order.
    fn sorted(&self) -> Vec<(K, u32)> {
        let mut all: Vec<(K, u32)> = self.counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
        all.sort();
        all
    }
}

// derive writes the impls. A derived Ord orders enum variants, and struct fields, in the order they are declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Status {
    Ok,
    ClientError,
    ServerError,
}

fn classify(code: u16) -> Status {
    match code {
        200..=399 => Status::Ok,
        400..=499 => Status::ClientError,
        _ => Status::ServerError,
    }
}

fn main() {
    println!("largest latency: {:?}", largest(&[12.5, 80.1, 33.0]));
    println!("largest code: {:?}", largest(&[200, 503, 404]));
    println!("largest of nothing: {:?}", largest::<u8>(&[]));

    let codes = [200, 201, 404, 500, 200, 503, 302, 404];
    let mut by_status = Counter::new();
    for code in codes {
        by_status.add(&classify(code));
    }
    println!("by status: {:?}", by_status.sorted());

    let mut by_path = Counter::new();
    for path in ["/users", "/health", "/users", "/users"] {
        by_path.add(&path);
    }
    println!("by path: {:?}", by_path.sorted());

    // An iterator chain: no intermediate vectors, one pass, compiled to a loop.
    let server_errors = codes.iter().filter(|&&c| c >= 500).count();
    let first_client_error = codes.iter().position(|&c| classify(c) == Status::ClientError);
    println!("server errors: {}, first client error at index {:?}", server_errors, first_client_error);
}
