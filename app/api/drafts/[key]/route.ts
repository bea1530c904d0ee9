import { z } from "zod";
import { route } from "@/lib/http/route";
import { draftBodySchema } from "@/lib/progress/api-schemas";
import { draftKeySchema } from "@/lib/progress/events";
import { getDraft, saveDraft } from "@/lib/progress/use-cases";
import { assertCodeSize, CODE_BODY_LIMIT } from "@/lib/runner/code-size";

// GET/PUT/DELETE /api/drafts/<key>: a signed-in learner's edited code. Ownership is the query itself: every read and
// write is scoped to the session's user id.

export const dynamic = "force-dynamic";

const params = z.object({ key: draftKeySchema });

/** The draft, or 204 when the learner has none for this key: "nothing saved yet" is the usual answer, not an error. */
export const GET = route({ auth: "required", params }, async ({ user, params, db }) => (await getDraft({ userId: user.id, key: params.key }, { db })) ?? undefined);

export const PUT = route({ auth: "required", params, body: { schema: draftBodySchema, limit: CODE_BODY_LIMIT } }, async ({ user, params, body, db }) => {
  assertCodeSize(body.code);
  return saveDraft({ userId: user.id, key: params.key, language: body.language, code: body.code, result: body.result }, { db });
});

/** Back to the original code: the draft is removed (a later save from another tab still wins by time). */
export const DELETE = route({ auth: "required", params }, async ({ user, params, db }) => {
  await saveDraft({ userId: user.id, key: params.key, code: null }, { db });
});
