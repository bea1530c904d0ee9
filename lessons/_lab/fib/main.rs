// Recursive Fibonacci, the same function in every language. The program times only the computation itself.
use std::time::Instant;

const N: u32 = 30;

fn fib(n: u32) -> u64 {
    if n < 2 {
        n as u64
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn main() {
    let start = Instant::now();
    let result = fib(N);
    let elapsed_ms = start.elapsed().as_secs_f64() * 1000.0;
    println!("fib({N}) = {result}");
    println!("elapsed_ms={elapsed_ms:.1}");
}
