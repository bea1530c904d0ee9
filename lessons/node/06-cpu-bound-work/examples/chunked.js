// The same CPU-heavy job done two ways while a 5 ms "heartbeat" timer tries to run.
// In a server, the heartbeat stands for every other request waiting for the thread.
function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

function countPrimesBlocking(limit) {
  let count = 0;
  for (let n = 0; n < limit; n++) if (isPrime(n)) count++;
  return count;
}

// Same loop, cut into slices; setImmediate hands the thread back to the event loop between slices.
function countPrimesChunked(limit, sliceSize = 20_000) {
  return new Promise((resolve) => {
    let count = 0;
    let n = 0;
    function slice() {
      const end = Math.min(n + sliceSize, limit);
      for (; n < end; n++) if (isPrime(n)) count++;
      if (n < limit) setImmediate(slice);
      else resolve(count);
    }
    slice();
  });
}

async function withHeartbeat(label, job) {
  let beats = 0;
  let longestGap = 0;
  let last = performance.now();
  const heartbeat = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    beats++;
  }, 5);
  const result = await job();
  clearInterval(heartbeat);
  const verdict = beats === 0 ? "never ran: every other request waited" : longestGap < 100 ? "kept running" : "ran, but with long stalls";
  console.log(`${label}: ${result} primes; heartbeat ${verdict}`);
}

async function main() {
  const limit = 1_500_000;
  await withHeartbeat("blocking", async () => countPrimesBlocking(limit)); // async does not make it non-blocking
  await withHeartbeat("chunked ", () => countPrimesChunked(limit));
}

main();
