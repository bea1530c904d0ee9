import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db/unique-violation";

// The real error comes from both databases in tests/integration/db/data-layer.test.ts (a duplicate email rejects
// with code P2002); here, that nothing else is mistaken for it.
describe("isUniqueViolation", () => {
  it.each([
    [{ code: "P2002" }, true],
    [{ code: "P2025" }, false],
    [new Error("P2002"), false],
    [null, false],
    [undefined, false],
    ["P2002", false],
  ])("%j -> %s", (error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});
