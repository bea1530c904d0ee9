import { endEverySession } from "@/lib/auth/live-session";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE /api/account/sessions: "sign out everywhere" ends every session of the account, this one included. */
export const DELETE = route({ auth: "required" }, async ({ user, db }) => {
  if (!(await endEverySession(db, user.id))) throw new AppError("unauthorized:session");
});
