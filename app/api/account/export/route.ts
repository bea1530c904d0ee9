import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { exportUserData } from "@/lib/progress/account";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "required" }, async ({ user, db }) => {
  const data = await exportUserData({ userId: user.id }, db);
  // Deleted between the session check and this read: there is nothing to export.
  if (!data) throw new AppError("not_found:resource", "This account no longer exists.");
  const file = `backend-paths-export-${data.exportedAt.slice(0, 10)}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
