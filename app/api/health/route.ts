import { databaseUnavailable } from "@/lib/db/unavailable";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";
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

export const GET = route({}, async ({ db }) => {
  const [database, runners, sandbox] = await Promise.all([checkDatabase(() => db.$queryRawUnsafe("SELECT 1")), runnerHealth(), sandboxIsolation()]);
  const ok = database.db === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", ...database, runners, sandbox },
    { status: ok ? 200 : 503, headers: ok ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
});
