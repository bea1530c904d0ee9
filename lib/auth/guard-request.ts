import { NextRequest } from "next/server";
import { AppError } from "../errors";
import { readLimited } from "../http/json-body";

const AUTH_BODY_LIMIT = 16 * 1024;

// What next-auth 4 serves, by method. Anything else it answers with a 500 (GET callback/credentials: "not
// supported") or a plain-text 400, so it is refused here with a JSON answer first.
const GET_ACTIONS = new Set(["providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error"]);
const POST_ACTIONS = new Set(["signin", "signout", "callback", "_log", "session"]);
const ACTIONS: Record<string, ReadonlySet<string> | undefined> = { GET: GET_ACTIONS, POST: POST_ACTIONS };

type Provider = { id: string; type: string };

/** Refuses an endpoint next-auth does not serve: an unknown action, or a callback for no such provider. */
export function checkAuthEndpoint(method: string, [action = "", providerId]: string[], providers: Provider[]): void {
  if (!GET_ACTIONS.has(action) && !POST_ACTIONS.has(action)) throw new AppError("not_found:resource", "There is no such sign-in address.");
  if (!ACTIONS[method]?.has(action)) throw new AppError("method_not_allowed:request");
  if (action !== "callback") return;
  // Only OAuth providers come back with a GET; the email and password form posts.
  const provider = providers.find((p) => p.id === providerId);
  if (!provider) throw new AppError("not_found:resource", "There is no such sign-in provider.");
  if (method !== "POST" && provider.type !== "oauth") throw new AppError("method_not_allowed:request");
}

/**
 * next-auth 4 parses request bodies itself and answers a malformed JSON body with a 500. Its forms are small, so the
 * body is read here first (bounded), checked, and handed on in a fresh Request; bad input becomes a 4xx instead.
 */
export async function guardAuthRequest(request: Request): Promise<NextRequest | Request> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > AUTH_BODY_LIMIT) throw new AppError("payload_too_large:body", `The request body is larger than ${AUTH_BODY_LIMIT} bytes.`);
  const body = await readLimited(request, AUTH_BODY_LIMIT);
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new AppError("bad_request:json");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new AppError("bad_request:body", "The request body must be a JSON object.");
    }
  } else if (body !== "" && !type.includes("application/x-www-form-urlencoded")) {
    throw new AppError("unsupported_media_type:body", "Send the form as application/x-www-form-urlencoded or JSON.");
  }
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body: body === "" ? undefined : body });
}
