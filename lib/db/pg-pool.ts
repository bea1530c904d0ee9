import pg from "pg";
import { log } from "../log";
import { resolveDbTarget } from "./target";

// A plain node-postgres pool beside Prisma's, for the libraries that share state between app instances through
// PostgreSQL (rate-limiter-flexible's store, pg-boss's job queue, the runner workers' registry): they speak `pg`, not
// Prisma. One per process, small: these are short statements, and every app instance and worker holds its own.

const globalForPool = globalThis as unknown as { backendPathsPgPool?: pg.Pool };

/** The pool for DATABASE_URL when it names PostgreSQL; undefined on SQLite, where there is one process to share with. */
export function sharedPgPool(): pg.Pool | undefined {
  const target = resolveDbTarget(process.env.DATABASE_URL);
  if (target.provider !== "postgresql") return undefined;
  if (!globalForPool.backendPathsPgPool) {
    const pool = new pg.Pool({ connectionString: target.url, max: 5, application_name: "backend-paths" });
    // An idle connection the server ended (a restart, a failover) is dropped and replaced on next use; unheard, the
    // pool's error event would end the process.
    pool.on("error", (error) => log().warn({ err: error }, "an idle PostgreSQL connection was closed"));
    globalForPool.backendPathsPgPool = pool;
  }
  return globalForPool.backendPathsPgPool;
}
