// Naive recursive Fibonacci, the articles' CPU benchmark. It prints results and call counts, never times:
// the work done is the same on every machine, the time it takes is not.
let calls = 0;

function fib(n) {
  calls += 1;
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

const first = [];
for (let n = 0; n <= 10; n++) first.push(fib(n));
console.log(`fib(0..10): ${first.join(" ")}`);

let previous = 0;
for (const n of [15, 20, 25]) {
  calls = 0;
  const result = fib(n);
  const growth = previous ? ` (${(calls / previous).toFixed(1)}x the calls of fib(${n - 5}))` : "";
  console.log(`fib(${n}) = ${result} after ${calls} calls${growth}`);
  previous = calls;
}
