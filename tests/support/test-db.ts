import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../../lib/db/create";
import type { DbTarget } from "../../lib/db/target";
import type { RouteHandler } from "../../lib/http/route";
import { applyMigrations } from "../../scripts/db/migrate-lib";

export type TestDb = { db: Db; target: DbTarget; cleanup: () => Promise<void> };

/** Migrates (unless asked not to) and opens `target`; cleanup disconnects, then removes the database. */
async function openTestDb(target: DbTarget, migrate: boolean, remove: () => Promise<void> | void): Promise<TestDb> {
  if (migrate) await applyMigrations(target);
  const db = createDb(target);
  return {
    db,
    target,
    cleanup: async () => {
      await db.$disconnect();
      await remove();
    },
  };
}

/** A fresh SQLite file in a temp folder. */
export async function sqliteTestDb({ migrate = true } = {}): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-test-"));
  const file = path.join(dir, "test.db");
  return openTestDb({ provider: "sqlite", url: `file:${file}`, file }, migrate, () => fs.rmSync(dir, { recursive: true, force: true }));
}

async function admin(base: string, sql: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Ends `pool` and waits until each of its connections has closed. pg-pool's end() resolves once it has asked its
 * clients to end, before their sockets close; a test database dropped in that gap (DROP … WITH (FORCE)) terminates
 * them, and each emits an error nobody listens to any more — an unhandled error that fails the run.
 */
export async function closePool(pool: pg.Pool | undefined) {
  if (!pool || pool.ending) return;
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on("remove", () => {
      if (--open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

/** A fresh database in the run's throwaway PostgreSQL cluster. */
export async function postgresTestDb({ migrate = true } = {}): Promise<TestDb> {
  const base = inject("postgresUrl");
  const name = `bp_${randomUUID().replaceAll("-", "")}`;
  await admin(base, `CREATE DATABASE "${name}"`);
  const url = base.replace(/\/[^/]*$/, `/${name}`);
  return openTestDb({ provider: "postgresql", url }, migrate, () => admin(base, `DROP DATABASE "${name}" WITH (FORCE)`));
}

export const DATABASES = [
  { name: "SQLite", open: sqliteTestDb },
  { name: "PostgreSQL", open: postgresTestDb },
] as const;

let learners = 0;

/** A new account on a test database, as the session would describe it; `as(handler)` is a route handler signed in as it. */
export async function signedInLearner(db: Db, prefix = "learner") {
  const user = await db.user.create({ data: { email: `${prefix}-${++learners}@example.com` }, select: { id: true, email: true, name: true } });
  const as = (handler: { withDeps: (deps: { currentUser: () => Promise<typeof user>; db: Db }) => RouteHandler }) =>
    handler.withDeps({ currentUser: async () => user, db });
  return { user, userId: user.id, as };
}
