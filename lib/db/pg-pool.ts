import pg from "pg";
import { resolveDbTarget } from "./target";

// A plain node-postgres pool beside Prisma's, for the libraries that share state between app instances through
// PostgreSQL (rate-limiter-flexible's store, pg-boss's job queue, the runner workers' registry): they speak `pg`, not
// Prisma. One per process, small: these are short statements, and every app instance and worker holds its own.

const globalForPool = globalThis as unknown as { backendPathsPgPool?: pg.Pool };

/** The pool for DATABASE_URL when it names PostgreSQL; undefined on SQLite, where there is one process to share with. */
export function sharedPgPool(): pg.Pool | undefined {
  const target = resolveDbTarget(process.env.DATABASE_URL);
  if (target.provider !== "postgresql") return undefined;
  globalForPool.backendPathsPgPool ??= new pg.Pool({ connectionString: target.url, max: 5, application_name: "backend-paths" });
  return globalForPool.backendPathsPgPool;
}
