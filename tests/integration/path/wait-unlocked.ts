import Database from "better-sqlite3";
import type { TestDb } from "@/tests/support/test-db";

// The migration step leaves its SQLite handle open until it is garbage-collected, holding a lock that can outlast
// Prisma's 5 s busy timeout on a loaded machine. The wt-progress branch closes that handle in scripts/db; until it is
// merged, wait for the lock here instead of failing at random.
export async function waitUntilUnlocked(t: TestDb) {
  if (t.target.provider !== "sqlite") return;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const raw = new Database(t.target.file, { timeout: 0 });
    try {
      raw.exec("BEGIN IMMEDIATE; COMMIT;");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    } finally {
      raw.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
