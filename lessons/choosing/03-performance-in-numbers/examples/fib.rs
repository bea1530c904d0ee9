// Naive recursive Fibonacci, the articles' CPU benchmark. It prints results and call counts, never times:
// the work done is the same on every machine, the time it takes is not.
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

    let mut previous = 0;
    for n in [15, 20, 25] {
        calls = 0;
        let result = fib(n, &mut calls);
        let growth = if previous > 0 {
            format!(" ({:.1}x the calls of fib({}))", calls as f64 / previous as f64, n - 5)
        } else {
            String::new()
        };
        println!("fib({}) = {} after {} calls{}", n, result, calls, growth);
        previous = calls;
    }
}
