import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { decodeSegment } from "@/lib/http/path-segment";
import { readJson } from "@/lib/http/json-body";
import { deleteDraft, draftBodySchema, draftKeySchema, getDraft, saveDraft } from "@/lib/progress/drafts";

// GET/PUT/DELETE /api/drafts/<key>, built here so tests can give them a known user and a throwaway database.

type Deps = { currentUser: () => Promise<Pick<SessionUser, "id"> | null>; client?: Db };
type Context = { params: Promise<{ key: string }> };

export function createDraftHandlers({ currentUser, client }: Deps) {
  async function authorised(context: Context) {
    const user = await currentUser();
    if (!user) throw new AppError("unauthorized:session");
    const parsed = draftKeySchema.safeParse(decodeSegment((await context.params).key));
    if (!parsed.success) throw new AppError("bad_request:body", "The draft key is not valid.");
    // Ownership is the query itself: every read and write below is scoped to this user's id.
    return { userId: user.id, key: parsed.data };
  }

  return {
    GET: handle(async (_request: Request, context: Context) => {
      const draft = await getDraft(await authorised(context), client);
      if (!draft) throw new AppError("not_found:resource", "No draft is saved for this example.");
      return Response.json({ key: draft.key, language: draft.language, code: draft.code, updatedAt: draft.updatedAt.toISOString() });
    }),
    PUT: handle(async (request: Request, context: Context) => {
      const target = await authorised(context);
      const body = await readJson(request, draftBodySchema, 4 * 64 * 1024);
      const draft = await saveDraft({ ...target, ...body }, client);
      return Response.json({ key: draft.key, updatedAt: draft.updatedAt.toISOString() });
    }),
    DELETE: handle(async (_request: Request, context: Context) => {
      await deleteDraft(await authorised(context), client);
      return new Response(null, { status: 204 });
    }),
  };
}
