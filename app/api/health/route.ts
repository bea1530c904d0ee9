import { route } from "@/lib/http/route";
import { runnerHealth, sandboxIsolation } from "@/lib/runner/toolchains";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ db }) => {
  let dbStatus: "ok" | "error" = "ok";
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    console.error("health: database check failed", error);
    dbStatus = "error";
  }
  const [runners, sandbox] = await Promise.all([runnerHealth(), sandboxIsolation()]);
  const body = { status: dbStatus === "ok" ? "ok" : "degraded", db: dbStatus, runners, sandbox };
  return Response.json(body, { status: dbStatus === "ok" ? 200 : 503 });
});
