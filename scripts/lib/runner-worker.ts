import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// A runner worker (scripts/worker.ts, `npm run worker`) as its own process, started the way an operator starts one,
// for the tests and benchmarks that need programs run beyond the app (RUNNER_MODE=queue). The counterpart of
// production-server.ts's startServer.

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The line the worker logs once it takes jobs (pino JSON, so the message is a quoted field). */
const READY = '"msg":"runner worker ready"';

/** `env` is added to (and overrides) the worker's environment: RUNNER_* settings such as RUNNER_CONCURRENCY. */
export type WorkerOptions = { databaseUrl: string; env?: Record<string, string>; name?: string };

export type RunningWorker = {
  pid: number;
  /** Milliseconds from spawn until the worker said it was ready. */
  readyMs: number;
  /** Everything the worker wrote, for the failure message. */
  log: () => string;
  /**
   * SIGKILL of the worker and every process it started (the sandboxes run as its children, in its process group), as
   * when its host dies: nothing gets to clean up. Resolves once the worker is gone.
   */
  crash: () => Promise<void>;
  /** SIGTERM (the worker finishes its runs, then exits), then SIGKILL if it lingers. Resolves to its exit code. */
  stop: () => Promise<number | null>;
};

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts a worker and waits until it has registered and takes jobs. */
export async function startWorker({ databaseUrl, env = {}, name }: WorkerOptions, timeoutMs = 180_000): Promise<RunningWorker> {
  const started = performance.now();
  // Vitest's markers would silence the log (lib/log.ts), and the ready line is how we know the worker took its place.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  // Its own process group (detached), so that a crash can take the sandboxes it started down with it.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: "production", LOG_LEVEL: "info", DATABASE_URL: databaseUrl, ...(name ? { RUNNER_WORKER_NAME: name } : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid!;

  const killGroup = async () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // The group is already gone.
    }
    await exited(child);
  };
  try {
    await waitUntilReady(child, () => output, timeoutMs);
  } catch (error) {
    await killGroup();
    throw error;
  }
  return {
    pid,
    readyMs: Math.round(performance.now() - started),
    log: () => output,
    crash: killGroup,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => void killGroup(), 30_000);
      await exited(child);
      clearTimeout(timer);
      return child.exitCode;
    },
  };
}

async function waitUntilReady(child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!log().includes(READY)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the worker exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`the worker was not ready within ${timeoutMs} ms:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
