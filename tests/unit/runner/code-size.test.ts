import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertCodeSize, codeFits } from "@/lib/runner/code-size";
import { MAX_CODE_BYTES } from "@/lib/runner/types";

describe("code size", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(codeFits("x".repeat(MAX_CODE_BYTES))).toBe(true);
    expect(codeFits("x".repeat(MAX_CODE_BYTES + 1))).toBe(false);
    // "é" is two bytes: half the limit in characters is the whole limit in bytes.
    expect(codeFits("é".repeat(MAX_CODE_BYTES / 2))).toBe(true);
    expect(codeFits("é".repeat(MAX_CODE_BYTES / 2 + 1))).toBe(false);
  });

  it("refuses code past the limit with a 413 that names it", () => {
    expect(() => assertCodeSize("print(1)")).not.toThrow();
    const error = (() => {
      try {
        assertCodeSize("#".repeat(MAX_CODE_BYTES + 1));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 413, message: "Code is limited to 64 KiB." });
  });
});
