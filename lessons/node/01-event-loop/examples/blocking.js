// A CPU-bound loop blocks the only JavaScript thread: the timer cannot fire until it is done,
// however short its delay.
const events = [];

setTimeout(() => events.push("timer fired"), 0);

let total = 0;
for (let i = 0; i < 5_000_000; i++) total += i % 7;
events.push(`busy loop done (total ${total})`);

setTimeout(() => {
  for (const [i, event] of events.entries()) console.log(`${i + 1}. ${event}`);
}, 5);
