import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db/unique-violation";

// The real errors come from both databases in tests/integration/db/data-layer.test.ts (a duplicate email rejects
// with code P2002, a duplicate event id written with raw SQL with P2010); here, that nothing else is mistaken for them.
describe("isUniqueViolation", () => {
  it.each([
    [{ code: "P2002" }, true],
    [{ code: "P2010", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } }, true],
    [{ code: "P2010", meta: { driverAdapterError: { cause: { kind: "NullConstraintViolation" } } } }, false],
    [{ code: "P2010" }, false],
    [{ code: "P2025" }, false],
    [new Error("P2002"), false],
    [null, false],
    [undefined, false],
    ["P2002", false],
  ])("%j -> %s", (error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});
