import type pg from "pg";
import { sharedPgPool } from "../db/pg-pool";

/**
 * Where the counters that limit abuse live, decided here and nowhere else: with DATABASE_URL on PostgreSQL, in that
 * database, so every app instance in front of it counts together; on SQLite (one process serves), in this process's
 * memory, as before. A test passes the pool of its own database. Called at first use, not at import, so building the
 * app never opens a connection.
 */
export function limitsPool(given?: pg.Pool): pg.Pool | undefined {
  return given ?? sharedPgPool();
}
