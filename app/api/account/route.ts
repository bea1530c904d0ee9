import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { readJson } from "@/lib/http/json-body";
import { deleteUser } from "@/lib/progress/account";
import { deleteAccountBodySchema } from "@/lib/progress/api-schemas";

export const dynamic = "force-dynamic";

export const DELETE = handle(async (request: Request) => {
  const { confirm } = await readJson(request, deleteAccountBodySchema, 4 * 1024);
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized:session");
  if (confirm !== user.email.toLowerCase()) {
    throw new AppError("bad_request:body", "confirm: type your account's email address to confirm deletion.");
  }
  if (!(await deleteUser({ userId: user.id }))) throw new AppError("not_found:resource", "This account no longer exists.");
  return Response.json({ deleted: true });
});
