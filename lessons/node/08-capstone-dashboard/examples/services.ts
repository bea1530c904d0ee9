// The capstone's three dependencies: a real SQLite table, and two simulated services whose latency and
// failures we control. A simulated service honours an AbortSignal, as a real HTTP client does.
import Database from "better-sqlite3";

const db = new Database(":memory:");
db.exec(`
  CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);
  INSERT INTO users VALUES (1, 'Ada Lovelace', 'ada@example.com'), (2, 'Grace Hopper', 'grace@example.com');
`);
const findUser = db.prepare("SELECT id, name, email FROM users WHERE id = ?");

type Plan<T> = { latencyMs: number; fail?: boolean; answer: T };

function simulatedService<T>(name: string, plan: Plan<T>) {
  return (signal: AbortSignal): Promise<T> =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        if (plan.fail) reject(new Error(`${name} answered 503`));
        else resolve(plan.answer);
      }, plan.latencyMs);
      function onAbort() {
        clearTimeout(timer); // stop the work, not just stop waiting for it
        reject(signal.reason);
      }
      signal.addEventListener("abort", onAbort, { once: true });
    });
}

async function main(): Promise<void> {
  console.log("user 1:", JSON.stringify(findUser.get(1)));
  console.log("user 9:", findUser.get(9));

  const recommendations = simulatedService("recommendations", { latencyMs: 20, answer: ["book-12", "book-7"] });
  console.log("recommendations:", JSON.stringify(await recommendations(new AbortController().signal)));

  const broken = simulatedService("analytics", { latencyMs: 10, fail: true, answer: {} });
  await broken(new AbortController().signal).catch((e: Error) => console.log("broken analytics:", e.message));

  const slow = simulatedService("analytics", { latencyMs: 1000, answer: { views: 1 } });
  await slow(AbortSignal.timeout(30)).catch((e: Error) => console.log("slow analytics, 30 ms budget:", e.name));
}

main();
