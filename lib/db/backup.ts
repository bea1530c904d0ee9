import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// A consistent copy of the embedded database while the app keeps serving, through SQLite's online backup API —
// unlike copying the file, which can catch a half-written transaction or miss what still sits in the journal.
// The pages are copied in one step, under one read transaction: copied in small steps, a backup restarts whenever
// another connection writes, and on a busy server it might never finish. One step holds writers back only for as
// long as the copy takes (milliseconds for a database of this size).

const ALL_PAGES = 0x7fffffff;

export type BackupResult = { file: string; bytes: number; integrity: string };

export async function backupSqlite(source: string, destination: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new Error(`There is no database at ${source}.`);
  if (fs.existsSync(destination)) throw new Error(`${destination} exists already: a backup never overwrites a file.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copy = new Database(destination, { readonly: true });
  try {
    const integrity = String(copy.pragma("integrity_check", { simple: true }));
    return { file: destination, bytes: fs.statSync(destination).size, integrity };
  } finally {
    copy.close();
  }
}
