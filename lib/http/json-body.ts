import type { z } from "zod";
import { AppError } from "../errors";
import { refuseNul } from "./no-nul";

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** The first few problems of a failed parse, each named by its path: the message a client reads on a 400. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/**
 * The media type itself must be application/json; parameters (charset) may follow. Matching anywhere in the header
 * would let `text/plain; application/json` through, a type a cross-origin page may send without a CORS preflight.
 */
function isJsonType(header: string | null): boolean {
  return header?.split(";")[0]!.trim().toLowerCase() === "application/json";
}

/**
 * Reads a JSON body of at most `limit` bytes and validates it. Every failure is an AppError with a 4xx status,
 * so a route wrapped in `handle` never answers malformed input with a 500.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, limit = DEFAULT_BODY_LIMIT): Promise<z.infer<S>> {
  if (!isJsonType(request.headers.get("content-type"))) throw new AppError("unsupported_media_type:body");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large:body", `The request body is larger than ${limit} bytes.`);
  const text = await readLimited(request, limit);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:json");
  }
  refuseNul(data, "bad_request:body");
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError("bad_request:body", describeIssues(parsed.error));
  return parsed.data;
}

/** The body as text, refusing (413) past `limit` bytes without reading the rest. */
export async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large:body", `The request body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
