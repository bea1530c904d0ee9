import { AppError } from "../errors";

/**
 * The one translation of "wait before trying again" into an answer: 429 with Retry-After in whole seconds (at least
 * one), and the same wait in the sentence a person reads.
 */
export function rateLimited(reason: string, retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError("rate_limited:requests", `${reason} Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`, {
    "Retry-After": String(seconds),
  });
}
