import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../../lib/db/create";
import type { DbTarget } from "../../lib/db/target";
import { applyMigrations } from "../../scripts/db/migrate-lib";

export type TestDb = { db: Db; target: DbTarget; cleanup: () => Promise<void> };

/** A fresh SQLite file in a temp folder, migrated unless asked not to. */
export async function sqliteTestDb({ migrate = true } = {}): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-test-"));
  const file = path.join(dir, "test.db");
  const target: DbTarget = { provider: "sqlite", url: `file:${file}`, file };
  if (migrate) await applyMigrations(target);
  const db = createDb(target);
  return {
    db,
    target,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database in the run's throwaway PostgreSQL cluster, migrated unless asked not to. */
export async function postgresTestDb({ migrate = true } = {}): Promise<TestDb> {
  const base = inject("postgresUrl");
  const name = `bp_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const target: DbTarget = { provider: "postgresql", url: base.replace(/\/[^/]*$/, `/${name}`) };
  if (migrate) await applyMigrations(target);
  const db = createDb(target);
  return {
    db,
    target,
    cleanup: async () => {
      await db.$disconnect();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await drop.end();
    },
  };
}

export const DATABASES = [
  { name: "SQLite", open: sqliteTestDb },
  { name: "PostgreSQL", open: postgresTestDb },
] as const;
