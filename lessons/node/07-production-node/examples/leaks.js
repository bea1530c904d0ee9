// Two classic Node.js leaks: listeners that are added per request and never removed, and a closure that
// keeps a large object alive for as long as the closure itself lives.
const { EventEmitter } = require("node:events");

process.on("warning", (warning) => console.log(`warning: ${warning.name}`));

// 1. A price feed shared by every connection. Each "connection" subscribes to it...
const feed = new EventEmitter();

function connectLeaky(send) {
  feed.on("price", send); // ...and nothing ever unsubscribes: each closed connection's listener stays forever
}

function connect(send) {
  feed.on("price", send);
  return () => feed.off("price", send); // call this when the connection closes
}

for (let i = 0; i < 15; i++) connectLeaky(() => {});
console.log(`leaky: 15 connections opened and closed, ${feed.listenerCount("price")} listeners remain`);
feed.removeAllListeners("price");

for (let i = 0; i < 15; i++) {
  const close = connect(() => {});
  close();
}
console.log(`fixed: 15 connections opened and closed, ${feed.listenerCount("price")} listeners remain`);

// 2. A closure keeps everything it refers to alive. This handler only needs the byte count,
// but it captured the whole 10 MB buffer, and the handler is kept in a long-lived map.
const handlers = new Map();
const buffers = []; // WeakRefs: they watch the buffers without keeping them alive

function registerLeaky(id) {
  const report = Buffer.alloc(10 * 1024 * 1024);
  buffers.push(new WeakRef(report));
  handlers.set(id, () => `report ${id}: ${report.length} bytes`);
}

function register(id) {
  const report = Buffer.alloc(10 * 1024 * 1024);
  buffers.push(new WeakRef(report));
  const size = report.length; // keep only what the closure needs; the buffer can be collected
  handlers.set(id, () => `report ${id}: ${size} bytes`);
}

// Force a full garbage collection so the count shows what is really still reachable (a demo trick only).
require("node:v8").setFlagsFromString("--expose-gc");
const gc = require("node:vm").runInNewContext("gc");

async function stillAlive() {
  // A WeakRef's target is kept until the current turn of the event loop ends, so collect in a later turn.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const alive = buffers.filter((ref) => ref.deref() !== undefined).length;
  buffers.length = 0;
  return alive;
}

(async () => {
  for (let i = 0; i < 5; i++) registerLeaky(`leaky-${i}`);
  console.log(`5 leaky handlers keep ${await stillAlive()} of 5 buffers (10 MB each) alive`);
  handlers.clear();
  for (let i = 0; i < 5; i++) register(`fixed-${i}`);
  console.log(`5 fixed handlers keep ${await stillAlive()} of 5 buffers alive; ${handlers.get("fixed-0")()}`);
})();
