import type { RunningServer } from "../lib/production-server";

/** What every measurement of `npm run bench` is given (scripts/bench/index.ts makes it). */
export type BenchContext = {
  /** The production server (scripts/serve.mjs over the `next build` output) on a fresh SQLite file, already serving. */
  server: Pick<RunningServer, "url" | "pid" | "rssKiB" | "log">;
  databaseUrl: string;
  secret: string;
  /** Seconds each timed load phase lasts (BENCH_SECONDS, default 8); the whole bench stays under 15 minutes. */
  seconds: number;
  /** A progress line on stderr. */
  log: (line: string) => void;
};
