import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient } from "./generated/sqlite/client";
import type { DbTarget } from "./target";

/**
 * The app is written against one client type. Both generated clients come from the same models (the PostgreSQL
 * schema is derived from the SQLite one), so their APIs are identical and the PostgreSQL one can stand in for it.
 */
export type Db = PrismaClient;

/**
 * How the app's SQLite connection is set up. In SQLite's default rollback-journal mode every commit syncs the disk
 * several times, and better-sqlite3 waits for that on the one thread that serves every request: measured here, the
 * rows of one quiz attempt took ~1.5 ms to commit that way and ~0.05 ms with a write-ahead log (synchronous stays
 * FULL: a commit is still on disk when it returns). WAL is a property of the file, so every later connection uses it;
 * each open connection then holds a shared lock, so migrations run while nothing has the database open (npm start
 * migrates before it serves). The busy timeout is the adapter's `timeout` below.
 */
export const SQLITE_PRAGMAS = ["journal_mode = WAL"];

/** The better-sqlite3 adapter with SQLITE_PRAGMAS run on its connection before any query. */
function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      await adapter.executeScript(SQLITE_PRAGMAS.map((pragma) => `PRAGMA ${pragma};`).join("\n"));
      return adapter;
    },
  };
}

export function createDb(target: DbTarget): Db {
  if (target.provider === "sqlite") return new PrismaClient({ adapter: sqliteAdapter(target.url) });
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Db;
}
