import { resolveDbTarget } from "../../lib/db/target";
import { applyMigrations } from "./migrate-lib";
import { ROOT } from "./paths";

const target = resolveDbTarget(process.env.DATABASE_URL, ROOT);
const applied = await applyMigrations(target);
console.log(
  applied.length
    ? `db:migrate (${target.provider}): applied ${applied.join(", ")}`
    : `db:migrate (${target.provider}): already up to date`,
);
