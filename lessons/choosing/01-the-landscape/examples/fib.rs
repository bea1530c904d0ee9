// Naive recursive Fibonacci: the classic CPU-bound benchmark workload.
// The call counter is passed down explicitly: Rust has no implicit mutable globals.
fn fib(n: u64, calls: &mut u64) -> u64 {
    *calls += 1;
    if n < 2 {
        n
    } else {
        fib(n - 1, calls) + fib(n - 2, calls)
    }
}

fn main() {
    let mut calls = 0;
    let first: Vec<String> = (0..=10).map(|n| fib(n, &mut calls).to_string()).collect();
    println!("fib(0..10): {}", first.join(" "));

    calls = 0;
    let result = fib(25, &mut calls);
    println!("fib(25) = {}", result);
    println!("calls for fib(25): {}", calls);
}
