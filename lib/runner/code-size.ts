import { AppError } from "@/lib/errors";
import { MAX_CODE_BYTES } from "./types";

// The one rule for how much code the server takes, counted in UTF-8 bytes as the sandbox receives it.

/** JSON escaping can more than double the size of code, so a body carrying code may be larger than the code itself. */
export const CODE_BODY_LIMIT = 4 * MAX_CODE_BYTES;

export function codeFits(code: string): boolean {
  return Buffer.byteLength(code, "utf8") <= MAX_CODE_BYTES;
}

/** Refuses (413) code past the limit. */
export function assertCodeSize(code: string): void {
  if (!codeFits(code)) throw new AppError("payload_too_large:body", `Code is limited to ${MAX_CODE_BYTES / 1024} KiB.`);
}
