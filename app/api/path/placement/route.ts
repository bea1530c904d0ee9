import { route } from "@/lib/http/route";
import { placementSubmissionSchema } from "@/lib/path/placement";
import { gradePlacementFor } from "@/lib/path/use-cases";

export const dynamic = "force-dynamic";

/** POST /api/path/placement: grades the placement quiz on the server; see gradePlacementFor for what is kept. */
export const POST = route(
  { auth: "optional", body: { schema: placementSubmissionSchema, limit: 64 * 1024 } },
  async ({ user, body, db }) => gradePlacementFor({ answers: body.answers, userId: user?.id ?? null }, db),
);
