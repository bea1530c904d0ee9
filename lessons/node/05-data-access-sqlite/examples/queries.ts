// SQLite from Node.js with better-sqlite3: a real database engine in the process, with a synchronous API.
import Database from "better-sqlite3";

const db = new Database(":memory:"); // a file path in a real app, e.g. "app.db"
db.pragma("foreign_keys = ON");

db.exec(`
  CREATE TABLE users (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE
  );
`);

// Prepare once, run many times. Values travel separately from the SQL text: "?" or named "@email" placeholders.
const insertUser = db.prepare("INSERT INTO users (name, email) VALUES (@name, @email)");
const byEmail = db.prepare("SELECT id, name, email FROM users WHERE email = ?");
const all = db.prepare("SELECT id, name FROM users ORDER BY id");

for (const user of [
  { name: "Ada", email: "ada@example.com" },
  { name: "Grace", email: "grace@example.com" },
]) {
  const info = insertUser.run(user);
  console.log(`inserted ${user.name} with id ${info.lastInsertRowid}, ${info.changes} row changed`);
}

console.log("get:", JSON.stringify(byEmail.get("grace@example.com")));
console.log("get, no match:", byEmail.get("nobody@example.com"));
console.log("all:", JSON.stringify(all.all()));

try {
  insertUser.run({ name: "Ada again", email: "ada@example.com" });
} catch (error) {
  console.log(`constraint: ${(error as { code: string }).code}`);
}

// Why placeholders: this "email" is crafted to change the meaning of a query built by concatenation.
const hostile = "x' OR '1'='1";
const glued = db.prepare(`SELECT name FROM users WHERE email = '${hostile}'`).all();
const bound = byEmail.all(hostile);
console.log(`string concatenation returned ${glued.length} row(s); a parameter returned ${bound.length}`);
db.close();
