import type { DbTarget } from "../../lib/db/target";
import { NO_FILTERS, readMigrations, readSchema, withSchemaEngine } from "./schema-engine";

/** Applies every pending migration in the provider's folder; returns the names applied now. */
export async function applyMigrations(target: DbTarget): Promise<string[]> {
  return withSchemaEngine(target, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(target), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that would bring the provider's migration history up to prisma/schema.prisma, or null when they match.
 * `target` only hosts the engine's shadow database: a throwaway database is enough.
 */
export async function pendingSchemaChange(target: DbTarget): Promise<string | null> {
  return withSchemaEngine(target, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrations(target) },
      to: { tag: "schemaDatamodel", ...readSchema(target) },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "" || sql.startsWith("-- This is an empty migration") ? null : sql;
  });
}
