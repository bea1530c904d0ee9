import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../scripts/db/migrate-lib";
import { freePort, startPgCluster, type PgCluster } from "../../scripts/db/pg-cluster";
import { newSecret, startServer, type RunningServer } from "../../scripts/lib/production-server";
import { startWorker, type RunningWorker } from "../../scripts/lib/runner-worker";

// The deployment of README "Deploying beyond one machine", on loopback: one PostgreSQL, two app instances of the same
// build with the same secret, two runner workers. Started in parallel once the database is migrated.

/** Runs per client per minute, low enough that a test reaches it in a few runs. */
export const RATE_PER_MINUTE = 6;

export type App = RunningServer & {
  name: string;
  /** The instance's RUNNER_CACHE_DIR: an app that only enqueues must never make anything there. */
  cacheDir: string;
};
export type WorkerProcess = RunningWorker & { name: string };

export type Cluster = {
  databaseUrl: string;
  apps: [App, App];
  workers: [WorkerProcess, WorkerProcess];
  /** Every process's log, for a failure message. */
  logs: () => string;
  /** Stops PostgreSQL as a planned restart does (every session ended), and starts it again `downMs` later. */
  restartDatabase: (downMs: number) => Promise<void>;
  stop: () => Promise<void>;
};

async function startApp(name: string, databaseUrl: string, secret: string): Promise<App> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `bp-scale-${name}-`));
  const env = {
    RUNNER_MODE: "queue",
    RUNNER_CACHE_DIR: cacheDir,
    // Warming builds Go and Rust caches in RUNNER_CACHE_DIR: an enqueueing app has nothing to warm.
    RUNNER_WARM_AT_START: "0",
    RUNNER_RATE_PER_MINUTE: String(RATE_PER_MINUTE),
    LOG_LEVEL: "info",
  };
  try {
    return { ...(await startServer({ port: await freePort(), databaseUrl, secret, env })), name, cacheDir };
  } catch (error) {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    throw error;
  }
}

async function startNamedWorker(name: string, databaseUrl: string, uidBase: number): Promise<WorkerProcess> {
  // One slot each, so a second program in flight has to go to the other worker. The workers share this host's
  // warmed toolchain caches (RUNNER_CACHE_DIR's default, built under a lock by whoever comes first); a separate uid
  // range each, as two workers on one host must have, or two sandboxes would run as the same user.
  const worker = await startWorker({ databaseUrl, name, env: { RUNNER_CONCURRENCY: "1", RUNNER_UID_BASE: String(uidBase) } });
  return { ...worker, name };
}

export async function startCluster(): Promise<Cluster> {
  const pg: PgCluster = await startPgCluster();
  try {
    pg.createDatabase("scale");
    const databaseUrl = pg.url("scale");
    await applyMigrations({ provider: "postgresql", url: databaseUrl });
    const secret = newSecret();
    const starting = await Promise.allSettled([
      startApp("app-a", databaseUrl, secret),
      startApp("app-b", databaseUrl, secret),
      startNamedWorker("worker-1", databaseUrl, 64_000),
      startNamedWorker("worker-2", databaseUrl, 64_100),
    ]);
    const failed = starting.find((s) => s.status === "rejected");
    if (failed) {
      await Promise.all(starting.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
      throw failed.reason;
    }
    const [a, b, w1, w2] = starting.map((s) => (s as PromiseFulfilledResult<App | WorkerProcess>).value) as [App, App, WorkerProcess, WorkerProcess];
    const apps: [App, App] = [a, b];
    const workers: [WorkerProcess, WorkerProcess] = [w1, w2];
    return {
      databaseUrl,
      apps,
      workers,
      logs: () => [...apps, ...workers].map((p) => `── ${p.name} (pid ${p.pid})\n${p.log().slice(-6000)}`).join("\n"),
      restartDatabase: async (downMs) => {
        pg.pause();
        await new Promise((resolve) => setTimeout(resolve, downMs));
        pg.resume();
      },
      stop: async () => {
        try {
          await Promise.all([...apps, ...workers].map((p) => p.stop()));
        } finally {
          for (const app of apps) fs.rmSync(app.cacheDir, { recursive: true, force: true });
          pg.stop();
        }
      },
    };
  } catch (error) {
    pg.stop();
    throw error;
  }
}
