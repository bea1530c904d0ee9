// Who runs first? Synchronous code, then microtasks (promises), then timers and I/O callbacks.
console.log("1. script starts");

setTimeout(() => console.log("5. timer callback (macrotask)"), 0);

Promise.resolve().then(() => console.log("3. promise callback (microtask)"));

queueMicrotask(() => console.log("4. queued microtask"));

console.log("2. script ends: the call stack is now empty");
