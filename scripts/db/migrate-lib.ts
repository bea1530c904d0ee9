import type { DbTarget } from "../../lib/db/target";
import { NO_FILTERS, readMigrations, withSchemaEngine } from "./schema-engine";

/** Applies every pending migration in the provider's folder; returns the names applied now. */
export async function applyMigrations(target: DbTarget): Promise<string[]> {
  return withSchemaEngine(target, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(target), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}
