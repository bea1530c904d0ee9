import { queuePool } from "@/lib/runner/jobs/boss";
import { runnerSettings } from "@/lib/runner/settings";
import { prepareIsolation } from "@/lib/runner/sandbox/isolation";
import { prepareToolchains } from "@/lib/runner/sandbox/toolchains";
import { startRunnerWorker } from "@/lib/runner/jobs/worker";
import { log } from "@/lib/log";

// `npm run worker`: one runner worker for RUNNER_MODE=queue (README "Deploying beyond one machine"). DATABASE_URL names
// the app's PostgreSQL; RUNNER_* settings apply to this host's sandbox. SIGTERM or SIGINT: finish the runs in hand, leave.

let settings;
try {
  // Configuration mistakes (a RUNNER_* value, a DATABASE_URL that is not PostgreSQL) end here with their message alone.
  settings = runnerSettings();
  queuePool();
} catch (error) {
  console.error(`worker: ${(error as Error).message}`);
  process.exit(2);
}
// Warmed before it takes a job, so a worker is never "preparing" once it is in the roll call; what it found goes there
// too. The isolation probe is quick; without RUNNER_WARM_AT_START the toolchains are found on first use.
const [isolation, toolchains] = await Promise.all([prepareIsolation(), settings.warmAtStart ? prepareToolchains() : undefined]);
const report = { sandbox: isolation.report, ...(toolchains ? { unavailable: toolchains.problems } : {}) };
const worker = await startRunnerWorker({ name: process.env.RUNNER_WORKER_NAME || undefined, report });

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log().info({ worker: worker.id, signal }, "runner worker stopping after its runs in hand");
    worker
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log().error({ err: error }, "runner worker did not stop cleanly");
        process.exit(1);
      });
  });
}
