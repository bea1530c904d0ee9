// Recursive Fibonacci, the same function in every language. The program times only the computation itself.
const N = 30;

function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

const start = performance.now();
const result = fib(N);
const elapsedMs = performance.now() - start;
console.log(`fib(${N}) = ${result}`);
console.log(`elapsed_ms=${elapsedMs.toFixed(1)}`);
