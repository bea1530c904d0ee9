import { databaseUnavailable } from "@/lib/db/unavailable";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
import { queueStatus } from "@/lib/runner/jobs/status";
import { runQueue } from "@/lib/runner/queue";
import { runnerSettings } from "@/lib/runner/settings";
import { runnerHealth, sandboxIsolation } from "@/lib/runner/toolchains";

export const dynamic = "force-dynamic";

type DbHealth = { db: "ok" } | { db: "unavailable"; reason: string } | { db: "error" };

/** One trivial query: "unavailable" (an outage, with its reason) or "error" (anything else, logged with its stack). */
async function checkDatabase(query: () => Promise<unknown>): Promise<DbHealth> {
  try {
    await query();
    return { db: "ok" };
  } catch (error) {
    const reason = databaseUnavailable(error);
    if (reason) return { db: "unavailable", reason };
    log().error({ err: error }, "health: database check failed");
    return { db: "error" };
  }
}

/**
 * The runner: this process's toolchains, sandbox and queue; or, in queue mode, the workers (this instance runs
 * nothing itself, so it has no toolchains to report and must not start preparing any).
 */
async function runnerReport() {
  if (runnerSettings().mode === "queue") return { runner: await queueStatus().catch(() => ({ mode: "queue" as const, alive: 0 })) };
  const [runners, sandbox] = await Promise.all([runnerHealth(), sandboxIsolation()]);
  return { runners, sandbox, runner: { mode: "inline" as const, ...runQueue().stats() } };
}

export const GET = route({}, async ({ db }) => {
  const [database, runner] = await Promise.all([checkDatabase(() => db.$queryRawUnsafe("SELECT 1")), runnerReport()]);
  const ok = database.db === "ok";
  // No live worker in queue mode: this instance still serves pages and saves progress (200), but nothing can run.
  const runnable = runner.runner.mode === "inline" || runner.runner.alive > 0;
  return Response.json(
    { status: ok && runnable ? "ok" : "degraded", ...database, ...runner },
    { status: ok ? 200 : 503, headers: ok ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
});
