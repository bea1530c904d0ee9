import { z } from "zod";

// Only same-site paths: a callbackUrl pointing elsewhere would turn sign-in into an open redirect. A pattern on the
// raw text is not enough: browsers drop tabs and newlines from URLs, so "/\t/evil.com" passes a "no second slash"
// check and then opens //evil.com. The value is resolved the way the browser will resolve it, and kept only if it
// stays on the placeholder origin.
const PLACEHOLDER_ORIGIN = "http://callback.invalid";

function sameOriginPath(value: string): string | undefined {
  if (!value.startsWith("/")) return undefined;
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    return url.origin === PLACEHOLDER_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}

export const callbackUrlSchema = z
  .string()
  .transform((value, ctx) => {
    const path = sameOriginPath(value);
    if (path === undefined) ctx.addIssue({ code: "custom", message: "must be a path on this site" });
    return path ?? "/";
  })
  .catch("/");

export function safeCallbackUrl(value: unknown): string {
  return callbackUrlSchema.parse(typeof value === "string" ? value : "/");
}
