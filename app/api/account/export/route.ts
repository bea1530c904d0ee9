import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { exportUserData } from "@/lib/progress/account";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized:session");
  const data = await exportUserData({ userId: user.id });
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
