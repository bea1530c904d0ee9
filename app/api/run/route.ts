import { clientAddress } from "@/lib/http/client-address";
import { route } from "@/lib/http/route";
import { assertCodeSize, CODE_BODY_LIMIT } from "@/lib/runner/code-size";
import { streamRun, wantsRunStream } from "@/lib/runner/run-stream";
import { takeRunToken } from "@/lib/runner/run-limit";
import { runQueued } from "@/lib/runner/service";
import { runRequestSchema } from "@/lib/runner/types";

export const dynamic = "force-dynamic";

export const POST = route(
  // Well-formed requests count against the client's rate limit; a malformed one is answered 400 for the cost of a parse.
  { guard: (request) => takeRunToken(clientAddress(request)), body: { schema: runRequestSchema, limit: CODE_BODY_LIMIT } },
  async ({ request, body }) => {
    assertCodeSize(body.code);
    // Accept: application/x-ndjson gets the phases as they happen (lib/runner/run-stream.ts); anything else one RunResult.
    return wantsRunStream(request) ? streamRun(clientAddress(request), body) : runQueued(clientAddress(request), body);
  },
);
