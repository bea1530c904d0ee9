// Naive recursive Fibonacci: the classic CPU-bound benchmark workload.
let calls = 0;

function fib(n) {
  calls += 1;
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

const first = [];
for (let n = 0; n <= 10; n++) first.push(fib(n));
console.log(`fib(0..10): ${first.join(" ")}`);

calls = 0;
console.log(`fib(25) = ${fib(25)}`);
console.log(`calls for fib(25): ${calls}`);
