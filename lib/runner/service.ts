import "server-only";
import { rateLimited } from "@/lib/http/rate-limited";
import { runOnWorkers } from "./jobs/submit";
import { QueueFullError, runQueue } from "./queue";
import { runCode, type RunOptions } from "./run-code";
import { runnerSettings } from "./settings";
import type { RunRequest, RunResult } from "./types";

// The server side of "run this": the bounded queue, then the sandbox. Both POST /api/run and the exercise checker come
// through here (after run-limit.ts's per-client rate limit), so neither can bypass the limits.

/**
 * Runs on behalf of `client` (see lib/http/client-address): through this process's queue into its sandbox, or with
 * RUNNER_MODE=queue as a job for the runner workers (jobs/submit.ts); a full queue becomes 429 either way.
 * `onPhase` hears "queued" first, once the queue has taken the run (position 0: it starts at once), then the sandbox's
 * phases; a refused run rejects without any phase.
 */
export async function runQueued(client: string, request: RunRequest, options: Omit<RunOptions, "slot"> = {}): Promise<RunResult> {
  const { onPhase } = options;
  if (runnerSettings().mode === "queue") return runOnWorkers({ client, request, extraFiles: options.extraFiles }, onPhase);
  try {
    return await runQueue().run(client, (slot) => runCode(request, { ...options, slot }), onPhase && ((position) => onPhase({ phase: "queued", position })));
  } catch (error) {
    if (error instanceof QueueFullError) {
      throw rateLimited("The runner is busy.", error.retryAfterSeconds * 1000);
    }
    throw error;
  }
}
