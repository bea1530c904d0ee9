import { defineConfig } from "prisma/config";
import { schemaPaths } from "./scripts/db/paths";

// The CLI follows DATABASE_URL to the right schema and migrations folder, so `prisma migrate deploy` works for both
// providers where Prisma's native schema engine is available. Our own scripts use the WebAssembly engine instead.
const paths = schemaPaths(process.env.DATABASE_URL);

export default defineConfig({
  schema: paths.schema,
  migrations: { path: paths.migrations },
  datasource: { url: process.env.DATABASE_URL ?? `file:${paths.defaultSqliteFile}` },
});
