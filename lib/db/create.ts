import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient } from "./generated/sqlite/client";
import type { DbTarget } from "./target";

/**
 * The app is written against one client type. Both generated clients come from the same models (the PostgreSQL
 * schema is derived from the SQLite one), so their APIs are identical and the PostgreSQL one can stand in for it.
 */
export type Db = PrismaClient;

export function createDb(target: DbTarget): Db {
  if (target.provider === "sqlite") {
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.url, timeout: 5000 }) });
  }
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) }) as unknown as Db;
}
