import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { learnerPath } from "@/lib/path/use-cases";

export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "required", guestMessage: "Sign in to see your learning path, or use POST /api/path/preview." },
  async ({ user, db }) => {
    const found = await learnerPath({ userId: user.id }, db);
    if (!found) throw new AppError("not_found:resource", "You have not answered the onboarding questions yet: start at /onboarding.");
    return found.path;
  },
);
