import { runnerSettings } from "@/lib/runner/settings";
import { prepareIsolation } from "@/lib/runner/sandbox/isolation";
import { prepareToolchains } from "@/lib/runner/sandbox/toolchains";
import { startRunnerWorker } from "@/lib/runner/jobs/worker";
import { log } from "@/lib/log";

// `npm run worker`: one runner worker for RUNNER_MODE=queue (README "Deploying beyond one machine"). DATABASE_URL names
// the app's PostgreSQL; RUNNER_* settings apply to this host's sandbox. SIGTERM or SIGINT: finish the runs in hand, leave.

const settings = runnerSettings();
if (settings.warmAtStart) await Promise.all([prepareToolchains(), prepareIsolation()]);
const worker = await startRunnerWorker({ name: process.env.RUNNER_WORKER_NAME || undefined });

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
