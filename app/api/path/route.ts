import { route } from "@/lib/http/route";
import { learnerPath } from "@/lib/path/use-cases";

export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "required", guestMessage: "Sign in to see your learning path, or use POST /api/path/preview." },
  async ({ user, db }) => {
    // 204 before the onboarding questions are answered: every page's Continue link asks, and it is no error.
    const found = await learnerPath({ userId: user.id }, db);
    return found?.path;
  },
);
