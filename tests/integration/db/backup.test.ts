import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { backupSqlite } from "../../../lib/db/backup";
import { createDb } from "../../../lib/db/create";
import { sqliteTestDb, type TestDb } from "../../support/test-db";

// `npm run db:backup` while the app writes: the copy is one committed state (integrity ok, every user it holds is
// whole), and restoring it (the README's steps: copy the file in place of the database) gives a working database.

let open: TestDb | null = null;
afterEach(async () => {
  await open?.cleanup();
  open = null;
});

describe("db:backup", () => {
  it("copies a database that is being written to, and the copy restores", async () => {
    open = await sqliteTestDb();
    const { db, target } = open;
    if (target.provider !== "sqlite") throw new Error("sqlite only");
    for (let i = 0; i < 200; i++) await db.user.create({ data: { email: `before-${i}@example.com` } });

    // A writer keeps inserting (each user with an activity row in one transaction) while the backup runs.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.$transaction(async (tx) => {
          const user = await tx.user.create({ data: { email: `during-${written}@example.com` } });
          await tx.activityDay.create({ data: { userId: user.id, day: "2026-11-24", actions: 1 } });
        });
        written += 1;
        // The SQLite driver answers synchronously: without a turn of the event loop the backup would never run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const destination = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bp-backup-")), "copy.db");
    const result = await backupSqlite(target.file, destination);
    writing = false;
    await writer;

    expect(result.integrity).toBe("ok");
    expect(written).toBeGreaterThan(0);
    const copy = new Database(destination, { readonly: true });
    const users = copy.prepare(`SELECT COUNT(*) AS n FROM "User"`).get() as { n: number };
    const during = copy.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE email LIKE 'during-%'`).get() as { n: number };
    const days = copy.prepare(`SELECT COUNT(*) AS n FROM "ActivityDay"`).get() as { n: number };
    copy.close();
    expect(users.n).toBeGreaterThanOrEqual(200);
    // Transactions are whole in the copy: every user made during the backup has its activity row.
    expect(days.n).toBe(during.n);

    // Restore: the copy in place of a database file is a working database with the same rows.
    const restored = createDb({ provider: "sqlite", url: `file:${destination}`, file: destination });
    expect(await restored.user.count()).toBe(users.n);
    await restored.$disconnect();
    await expect(backupSqlite(target.file, destination)).rejects.toThrow(/never overwrites/);
  });

  it("npm run db:backup writes the copy named on the command line and refuses PostgreSQL", async () => {
    open = await sqliteTestDb();
    if (open.target.provider !== "sqlite") throw new Error("sqlite only");
    const destination = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bp-backup-")), "cli.db");
    const out = execFileSync("npx", ["tsx", "scripts/db/backup.ts", destination], { env: { ...process.env, DATABASE_URL: open.target.url }, encoding: "utf8" });
    expect(out).toMatch(/integrity ok/);
    expect(fs.existsSync(destination)).toBe(true);
    let status = 0;
    try {
      execFileSync("npx", ["tsx", "scripts/db/backup.ts"], { env: { ...process.env, DATABASE_URL: "postgresql://localhost/x" }, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
