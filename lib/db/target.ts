import path from "node:path";
import { z } from "zod";

/** Where the embedded database lives when DATABASE_URL is not set (git-ignored). */
export const DEFAULT_SQLITE_FILE = "data/backend-paths.db";

const databaseUrlSchema = z
  .string()
  .trim()
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
    message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
  });

export type DbTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

/** Reads DATABASE_URL (or the given URL) and says which database it names; SQLite paths resolve from `cwd`. */
export function resolveDbTarget(rawUrl: string | undefined, cwd = process.cwd()): DbTarget {
  if (rawUrl === undefined || rawUrl.trim() === "") {
    const file = path.resolve(cwd, DEFAULT_SQLITE_FILE);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  const url = databaseUrlSchema.parse(rawUrl);
  if (url.startsWith("file:")) {
    const file = path.resolve(cwd, url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  return { provider: "postgresql", url };
}
