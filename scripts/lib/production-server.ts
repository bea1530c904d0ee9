import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

// The real production server (scripts/serve.mjs over the `next build` output), started the way scripts/e2e-server.sh
// starts it, so the soak and the benchmarks see what a deployment sees: the built app, the real sandbox, the real
// database.

const ROOT = path.resolve(import.meta.dirname, "../..");

/** `env` is added to (and overrides) the server's environment: runner settings, limits. */
export type ServerOptions = { port: number; databaseUrl: string; secret: string; env?: Record<string, string> };

/** One secret per run, the same across restarts, so sessions issued before a crash still sign in after it. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export type RunningServer = {
  url: string;
  pid: number;
  /** Milliseconds from spawn until GET / answered 200. */
  readyMs: number;
  /** Resident memory now, in KiB (VmRSS of the server process). */
  rssKiB: () => number;
  /** Everything the server wrote, for the failure message. */
  log: () => string;
  /** SIGKILL: no shutdown hook runs, exactly like a crash. Resolves once the process is gone. */
  crash: () => Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop: () => Promise<void>;
};

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts serve.mjs and waits until it serves the home page (a real render, not just a listening socket). */
export async function startServer({ port, databaseUrl, secret, env = {} }: ServerOptions): Promise<RunningServer> {
  const url = `http://localhost:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: secret,
      SIGNUPS_PER_HOUR: "1000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid!;

  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited(child);
  };
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await stop("SIGKILL");
    throw error;
  }
  return {
    url,
    pid,
    readyMs: Math.round(performance.now() - started),
    rssKiB: () => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]),
    log: () => output,
    crash: () => stop("SIGKILL"),
    stop: async () => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await stop("SIGTERM");
      clearTimeout(timer);
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not serve ${url} within ${timeoutMs} ms:\n${log()}`);
}
