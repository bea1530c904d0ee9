import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { deleteUser } from "@/lib/progress/account";
import { deleteAccountBodySchema } from "@/lib/progress/api-schemas";

export const dynamic = "force-dynamic";

export const DELETE = route({ auth: "required", body: { schema: deleteAccountBodySchema, limit: 4 * 1024 } }, async ({ user, body, db }) => {
  if (body.confirm !== user.email.toLowerCase()) {
    throw new AppError("bad_request:body", "confirm: type your account's email address to confirm deletion.");
  }
  if (!(await deleteUser({ userId: user.id }, db))) throw new AppError("not_found:resource", "This account no longer exists.");
  return { deleted: true };
});
