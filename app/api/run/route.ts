import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";
import { readJson } from "@/lib/http/json-body";
import { clientAddress } from "@/lib/http/client-address";
import { runQueued, takeRunToken } from "@/lib/runner/service";
import { MAX_CODE_BYTES, runRequestSchema } from "@/lib/runner/types";

export const dynamic = "force-dynamic";

// JSON escaping can more than double the size of code, so the body may be larger than the code limit it carries.
const BODY_LIMIT = 4 * MAX_CODE_BYTES;

export const POST = handle(async (request: Request) => {
  const client = clientAddress(request);
  takeRunToken(client);
  const body = await readJson(request, runRequestSchema, BODY_LIMIT);
  if (Buffer.byteLength(body.code, "utf8") > MAX_CODE_BYTES) {
    throw new AppError("payload_too_large:body", `Code is limited to ${MAX_CODE_BYTES / 1024} KiB.`);
  }
  return Response.json(await runQueued(client, body));
});
