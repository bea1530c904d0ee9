import { spawn } from "node:child_process";
import { startPgCluster } from "./db/pg-cluster";
import { applyMigrations } from "./db/migrate-lib";
import { startWorker } from "./lib/runner-worker";

// The server the "queue" end-to-end project talks to (playwright.config.ts): the built app in RUNNER_MODE=queue on a
// throwaway PostgreSQL, with one runner worker beside it, so the browser's runs and checks go the way they go in a
// deployment beyond one machine. Everything it started goes when Playwright stops it (SIGTERM).

const port = process.argv[2] ?? "3101";
const cluster = await startPgCluster();
cluster.createDatabase("e2e");
const databaseUrl = cluster.url("e2e");
await applyMigrations({ provider: "postgresql", url: databaseUrl });
const env = { RUNNER_MODE: "queue", DATABASE_URL: databaseUrl };
const worker = await startWorker({ databaseUrl, env: { RUNNER_UID_BASE: "64200" }, name: "e2e-worker" });

const server = spawn(process.execPath, ["scripts/serve.mjs"], {
  env: { ...process.env, ...env, PORT: port, NEXTAUTH_URL: `http://localhost:${port}`, SIGNUPS_PER_HOUR: process.env.SIGNUPS_PER_HOUR ?? "1000" },
  stdio: "inherit",
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await worker.stop().catch(() => {});
  cluster.stop();
  process.exit(code);
}
server.on("exit", (code) => void stop(code ?? 1));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(0));
