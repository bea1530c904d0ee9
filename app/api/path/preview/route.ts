import { route } from "@/lib/http/route";
import { pathPreviewRequestSchema } from "@/lib/path/schema";
import { previewPath } from "@/lib/path/use-cases";

export const POST = route({ body: { schema: pathPreviewRequestSchema, limit: 128 * 1024 } }, async ({ body }) => previewPath(body));
