import os from "node:os";
import path from "node:path";
import { z } from "zod";

// Every RUNNER_* environment setting, parsed in this one place, with its default (the README's Configuration table
// documents the ones an operator usually sets).
// Unset or empty means the default. A value that does not parse stops the caller with the variable, the value and
// what it accepts, rather than quietly running with a default the operator did not choose.

const unsetIfEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A whole number of at least `min`. */
const whole = (fallback: number, min = 1) =>
  z.preprocess(unsetIfEmpty, z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(min, `must be ${min} or more`).default(fallback));

/** A positive amount, fractions allowed (seconds, MiB, CPUs). */
const amount = (fallback: number) =>
  z.preprocess(unsetIfEmpty, z.coerce.number({ message: "must be a number" }).positive("must be more than 0").default(fallback));

/** "1" on, "0" off. */
const flag = (fallback: boolean) =>
  z.preprocess(unsetIfEmpty, z.enum(["0", "1"], { message: 'must be "0" (off) or "1" (on)' }).transform((v) => v === "1").default(fallback));

/** Root shares one cache with every start; anyone else gets a private one, since they cannot write under /var. */
function defaultCacheDir(): string {
  return process.getuid?.() === 0 ? "/var/cache/backend-paths/runner" : path.join(os.tmpdir(), `backend-paths-runner-${process.getuid?.()}`);
}

const envSchema = z.object({
  /**
   * Where programs run: "inline" in the web server's own sandbox (the default), or "queue": jobs in PostgreSQL taken by
   * `npm run worker` processes on this or other hosts (README "Deploying beyond one machine").
   */
  RUNNER_MODE: z.preprocess(unsetIfEmpty, z.enum(["inline", "queue"], { message: 'must be "inline" or "queue"' }).default("inline")),
  /** Programs the server runs at once. */
  RUNNER_CONCURRENCY: whole(2),
  /** Programs one client may have running at once; its further runs wait their turn. */
  RUNNER_PER_CLIENT: whole(1),
  /** Programs that may wait for a slot; beyond that a run is refused with 429. */
  RUNNER_QUEUE_SIZE: whole(8),
  /** Runs per client per minute. */
  RUNNER_RATE_PER_MINUTE: whole(30),
  /** The warmed Go and Rust build caches, the seccomp filters and the sandbox's scratch space. */
  RUNNER_CACHE_DIR: z.preprocess(unsetIfEmpty, z.string().refine(path.isAbsolute, "must be an absolute path").optional()),
  /**
   * Disk kept for compiled Go and Rust programs (under RUNNER_CACHE_DIR/builds, least recently used dropped first),
   * so running an unchanged program again skips its compile; 0 turns that off.
   */
  RUNNER_BUILD_CACHE_MB: whole(256, 0),
  /** Whether the server warms the build caches when it starts (else on first use). */
  RUNNER_WARM_AT_START: flag(true),
  /** Whether runs get a cgroup each when the host allows it ("0" for hosts where cgroups misbehave). */
  RUNNER_CGROUPS: flag(true),
  /** The first uid sandboxed programs run as when the server is root; slot n runs as base + n. */
  RUNNER_UID_BASE: whole(64000),
  RUNNER_COMPILE_WALL_SECONDS: amount(30),
  RUNNER_WALL_SECONDS: amount(10),
  RUNNER_CPU_SECONDS: amount(5),
  /** Address space of the program; Node's V8 reserves about 1 GiB up front, so less than this cannot start node. */
  RUNNER_MEMORY_MB: amount(1280),
  /** Memory of the whole run (every process, the work tmpfs, kernel memory): its cgroup. */
  RUNNER_GROUP_MEMORY_MB: amount(512),
  RUNNER_GROUP_CPUS: amount(1),
  /** Bytes kept per stream, in KiB; past this the run is stopped and marked truncated. */
  RUNNER_OUTPUT_KB: amount(128),
});

const KEYS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

const settingsSchema = envSchema.transform((s) => ({
  mode: s.RUNNER_MODE,
  concurrency: s.RUNNER_CONCURRENCY,
  perClient: s.RUNNER_PER_CLIENT,
  queueSize: s.RUNNER_QUEUE_SIZE,
  ratePerMinute: s.RUNNER_RATE_PER_MINUTE,
  cacheDir: s.RUNNER_CACHE_DIR ?? defaultCacheDir(),
  buildCacheMb: s.RUNNER_BUILD_CACHE_MB,
  warmAtStart: s.RUNNER_WARM_AT_START,
  cgroups: s.RUNNER_CGROUPS,
  uidBase: s.RUNNER_UID_BASE,
  compileWallSeconds: s.RUNNER_COMPILE_WALL_SECONDS,
  wallSeconds: s.RUNNER_WALL_SECONDS,
  cpuSeconds: s.RUNNER_CPU_SECONDS,
  memoryMb: s.RUNNER_MEMORY_MB,
  groupMemoryMb: s.RUNNER_GROUP_MEMORY_MB,
  groupCpus: s.RUNNER_GROUP_CPUS,
  outputKb: s.RUNNER_OUTPUT_KB,
}));
export type RunnerSettings = z.output<typeof settingsSchema>;

export function parseRunnerSettings(env: Readonly<Record<string, string | undefined>>): RunnerSettings {
  const parsed = settingsSchema.safeParse(Object.fromEntries(KEYS.map((key) => [key, env[key]])));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    return `${key}=${JSON.stringify(env[key])} ${issue.message}`;
  });
  throw new Error(`Invalid runner setting: ${problems.join("; ")} (lib/runner/settings.ts lists every setting and its default)`);
}

let cached: { key: string; settings: RunnerSettings } | undefined;

/**
 * The settings from process.env. Parsed once and parsed again only when a RUNNER_* value changed: scripts set
 * defaults after their imports ran, and tests set limits per file and per case.
 */
export function runnerSettings(): RunnerSettings {
  const key = JSON.stringify(KEYS.map((k) => process.env[k] ?? null));
  if (cached?.key !== key) cached = { key, settings: parseRunnerSettings(process.env) };
  return cached.settings;
}
