import { route } from "@/lib/http/route";
import { advisorInputSchema } from "@/lib/path/advisor-schema";
import { adviseFor } from "@/lib/path/use-cases";

export const dynamic = "force-dynamic";

export const POST = route(
  { auth: "optional", body: { schema: advisorInputSchema, limit: 8 * 1024 } },
  async ({ user, body, db }) => adviseFor({ input: body, userId: user?.id ?? null }, db),
);
