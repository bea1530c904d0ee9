import path from "node:path";
import { DEFAULT_SQLITE_FILE, resolveDbTarget, type DbTarget } from "../../lib/db/target";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type Provider = DbTarget["provider"];

/** Schema file and migrations folder of each provider: SQLite keeps Prisma's standard places. */
export function providerPaths(provider: Provider) {
  const dir = provider === "sqlite" ? "prisma" : "prisma/postgresql";
  return {
    schema: path.join(ROOT, dir, "schema.prisma"),
    migrations: path.join(ROOT, dir, "migrations"),
  };
}

export function schemaPaths(databaseUrl: string | undefined) {
  return { ...providerPaths(resolveDbTarget(databaseUrl, ROOT).provider), defaultSqliteFile: DEFAULT_SQLITE_FILE };
}
