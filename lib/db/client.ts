import "server-only";
import { createDb, type Db } from "./create";
import { resolveDbTarget } from "./target";

// One client per server process; dev hot reload would otherwise open a new pool on every edit.
const globalForDb = globalThis as unknown as { backendPathsDb?: Db };

export function db(): Db {
  globalForDb.backendPathsDb ??= createDb(resolveDbTarget(process.env.DATABASE_URL));
  return globalForDb.backendPathsDb;
}
export type { Db };
