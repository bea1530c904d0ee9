// Moving CPU-bound work to another thread with worker_threads. One file plays both parts:
// the main thread starts a Worker on this same file, and the worker computes and posts the result back.
const { Worker, isMainThread, parentPort, workerData } = require("node:worker_threads");

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

if (isMainThread) {
  const ticks = [];
  const ticker = setInterval(() => ticks.push(ticks.length), 5);

  const worker = new Worker(__filename, {
    workerData: { n: 32 },
    // A worker is a whole new V8 instance with its own heap. Capping it keeps a runaway job from taking the
    // process's memory (and this course's sandbox needs it: it limits each run's address space).
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8, codeRangeSizeMb: 8 },
  });

  console.log("main: worker started, main thread is free");
  worker.once("message", ({ n, value }) => {
    clearInterval(ticker);
    console.log(`worker: fib(${n}) = ${value}`);
    console.log(`main: the ticker ran ${ticks.length > 0 ? "while" : "only after"} the worker computed`);
  });
  worker.once("error", (error) => console.log(`worker failed: ${error.message}`));
  worker.once("exit", (code) => console.log(`worker exited with code ${code}`));
} else {
  parentPort.postMessage({ n: workerData.n, value: fib(workerData.n) });
}
