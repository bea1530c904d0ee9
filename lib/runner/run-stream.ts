import "server-only";
import { errorResponse, knownError } from "@/lib/errors";
import { log } from "@/lib/log";
import { runQueued } from "./service";
import { RUN_STREAM_TYPE, type RunRequest, type RunStreamLine } from "./types";

// POST /api/run for a client that asked for the phases as they happen: one JSON line per phase, then the result.
// A Go or Rust run spends seconds compiling before it runs; one answer at the end could not say which is happening.

/** Whether the request's Accept names the streamed answer. */
export function wantsRunStream(request: Request): boolean {
  return (request.headers.get("accept") ?? "").toLowerCase().includes(RUN_STREAM_TYPE);
}

/** What a failure after the first line becomes: the catalogue's message and status, as the one-shot answer would be. */
async function errorLine(error: unknown): Promise<RunStreamLine> {
  if (knownError(error)) log().warn({ code: knownError(error)!.code }, "run failed after its stream started");
  else log().error({ err: error }, "run failed after its stream started");
  const response = errorResponse(error);
  const { error: message } = (await response.json()) as { error: string };
  return { error: message, status: response.status };
}

/**
 * Starts the run and answers once the queue has taken it, so a refusal (429) is still a plain JSON error with its
 * status: only a taken run hears "queued". The run goes on if the client
 * leaves; the queue and the sandbox's limits bound it either way.
 */
export async function streamRun(client: string, request: RunRequest): Promise<Response> {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  // Enqueueing or closing after the client went away throws; nobody is left to tell.
  const send = (line: RunStreamLine) => {
    try {
      controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
    } catch {}
  };
  let admit!: () => void;
  const admitted = new Promise<void>((resolve) => (admit = resolve));
  const done = runQueued(client, request, {
    onPhase: (phase) => {
      admit();
      send(phase);
    },
  });
  // Admission is synchronous in this process's queue and a round trip to PostgreSQL in queue mode; a refusal rejects
  // `done` before any phase, and so becomes the plain JSON error.
  await Promise.race([admitted, done]);
  void done
    .then((result) => send({ result }), async (error: unknown) => send(await errorLine(error)))
    .finally(() => {
      try {
        controller.close();
      } catch {}
    });
  return new Response(body, { headers: { "content-type": `${RUN_STREAM_TYPE}; charset=utf-8`, "cache-control": "no-store" } });
}
