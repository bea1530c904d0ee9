import { z } from "zod";

// Only same-site paths: a callbackUrl pointing elsewhere would turn sign-in into an open redirect.
export const callbackUrlSchema = z
  .string()
  .regex(/^\/(?![/\\])/)
  .catch("/");

export function safeCallbackUrl(value: unknown): string {
  return callbackUrlSchema.parse(typeof value === "string" ? value : "/");
}
