import { spawnSync } from "node:child_process";
import path from "node:path";
import { providerPaths, ROOT } from "./paths";
import { syncPostgresSchema } from "./schema-twin";

// `prisma generate` needs no schema engine, but the CLI looks for its binary first; pointing it at any existing
// file satisfies that check without a download.
syncPostgresSchema();
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const provider of ["sqlite", "postgresql"] as const) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate", "--schema", providerPaths(provider).schema],
    { cwd: ROOT, env, encoding: "utf8" },
  );
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(result.status ?? 1);
  }
  console.log(`db:generate: ${provider} client ready`);
}
