// `npm run db:backup [-- <file>]`: a consistent copy of the SQLite database named by DATABASE_URL (the embedded
// default when unset), safe while the app runs. PostgreSQL has its own tool for this: pg_dump (README, "Backups").
import path from "node:path";
import { backupSqlite } from "../../lib/db/backup";
import { resolveDbTarget } from "../../lib/db/target";

const target = resolveDbTarget(process.env.DATABASE_URL);
if (target.provider !== "sqlite") {
  console.error("db:backup copies the embedded SQLite database. For PostgreSQL use pg_dump: pg_dump --format=custom \"$DATABASE_URL\" > backup.dump");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = path.resolve(process.argv[2] ?? path.join("data", "backups", `backend-paths-${stamp}.db`));
backupSqlite(target.file, destination)
  .then(({ file, bytes, integrity }) => {
    if (integrity !== "ok") throw new Error(`The copy failed its integrity check: ${integrity}`);
    console.log(`db:backup: ${path.relative(process.cwd(), file)} (${(bytes / 1024).toFixed(0)} KiB, integrity ok)`);
  })
  .catch((error: Error) => {
    console.error(`db:backup: ${error.message}`);
    process.exit(1);
  });
