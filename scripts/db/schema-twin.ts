import fs from "node:fs";
import { providerPaths } from "./paths";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:generate`: edit that file, not this one.\n";

/** The PostgreSQL schema is the SQLite one with another provider and client folder. */
export function postgresSchemaText(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output   = "../lib/db/generated/sqlite"', 'output   = "../../lib/db/generated/postgresql"');
  if (swapped === sqliteSchema || !swapped.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma: expected `provider = \"sqlite\"` and the client output line to swap");
  }
  return HEADER + swapped;
}

/** Writes prisma/postgresql/schema.prisma; returns true when it changed. */
export function syncPostgresSchema(): boolean {
  const source = fs.readFileSync(providerPaths("sqlite").schema, "utf8");
  const target = providerPaths("postgresql").schema;
  const next = postgresSchemaText(source);
  if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === next) return false;
  fs.mkdirSync(providerPaths("postgresql").migrations, { recursive: true });
  fs.writeFileSync(target, next);
  return true;
}
