import { endEverySession } from "@/lib/auth/live-session";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

/** DELETE /api/account/sessions: "sign out everywhere" ends every session of the account, this one included. */
export const DELETE = handle(async () => {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized:session");
  if (!(await endEverySession(db(), user.id))) throw new AppError("unauthorized:session");
  return new Response(null, { status: 204 });
});
