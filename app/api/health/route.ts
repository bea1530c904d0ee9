import { db } from "@/lib/db/client";
import { runnerHealth, sandboxIsolation } from "@/lib/runner/toolchains";

export const dynamic = "force-dynamic";

export async function GET() {
  let dbStatus: "ok" | "error" = "ok";
  try {
    await db().$queryRawUnsafe("SELECT 1");
  } catch (error) {
    console.error("health: database check failed", error);
    dbStatus = "error";
  }
  const [runners, sandbox] = await Promise.all([runnerHealth(), sandboxIsolation()]);
  const body = { status: dbStatus === "ok" ? "ok" : "degraded", db: dbStatus, runners, sandbox };
  return Response.json(body, { status: dbStatus === "ok" ? 200 : 503 });
}
