// A money transfer is two updates that must both happen or neither. db.transaction() wraps a function in
// BEGIN ... COMMIT, and rolls back if the function throws.
import Database from "better-sqlite3";

const db = new Database(":memory:");
db.exec(`
  CREATE TABLE accounts (
    id      TEXT PRIMARY KEY,
    balance INTEGER NOT NULL CHECK (balance >= 0)  -- cents; the database itself refuses overdrafts
  );
  INSERT INTO accounts VALUES ('alice', 10000), ('bob', 2500);
`);

const debit = db.prepare("UPDATE accounts SET balance = balance - ? WHERE id = ?");
const credit = db.prepare("UPDATE accounts SET balance = balance + ? WHERE id = ?");
const balances = db.prepare("SELECT id, balance FROM accounts ORDER BY id");

function show(label: string): void {
  const rows = balances.all() as { id: string; balance: number }[];
  console.log(`${label.padEnd(20)} ${rows.map((r) => `${r.id}=${r.balance}`).join(" ")}`);
}

// Without a transaction: the credit happens, then the debit fails, and money appears from nowhere.
function transferUnsafe(from: string, to: string, cents: number): void {
  credit.run(cents, to);
  debit.run(cents, from);
}

const transfer = db.transaction((from: string, to: string, cents: number) => {
  credit.run(cents, to);
  const { changes } = debit.run(cents, from);
  if (changes !== 1) throw new Error(`no account ${from}`);
});

show("start");
transfer("alice", "bob", 3000);
show("alice -> bob 3000");
for (const [label, run] of [
  ["transaction, overdraft", () => transfer("bob", "alice", 999999)],
  ["transaction, no such account", () => transfer("carol", "alice", 100)],
  ["no transaction, overdraft", () => transferUnsafe("bob", "alice", 999999)],
] as const) {
  try {
    run();
  } catch (error) {
    const e = error as { code?: string; message: string };
    console.log(`  ${label} failed: ${e.code ?? e.message}`);
  }
  show("  balances now");
}
db.close();
