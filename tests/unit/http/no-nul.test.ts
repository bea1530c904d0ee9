import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { nulPath, refuseNul } from "@/lib/http/no-nul";

describe("refusing U+0000 in input", () => {
  it.each([
    ["a plain string", "a\u0000b", ""],
    ["a field", { code: "x\u0000" }, "code"],
    ["an array item", { answers: { q: ["ok", "\u0000"] } }, "answers.q.1"],
    ["a name", { "a\u0000": 1 }, "a name"],
    ["a nested name", { entries: [{ "\u0000": 1 }] }, "entries.0 (a name in it)"],
  ])("finds it in %s", (_name, value, path) => {
    expect(nulPath(value)).toBe(path);
  });

  it("passes text without it, odd Unicode included", () => {
    expect(nulPath({ a: ["\uD800", "😀", "\u202E", "%00", "\\u0000", 0, null, true] })).toBeNull();
  });

  it("walks nesting of any depth without running out of stack", () => {
    const deep = JSON.parse(`${"[".repeat(200_000)}"\\u0000"${"]".repeat(200_000)}`) as unknown;
    expect(nulPath(deep)).toMatch(/^0(\.0)*$/);
  });

  it("refuses with the given code, a 400, naming the field", () => {
    const refusal = (() => {
      try {
        refuseNul({ name: "A\u0000da" }, "bad_request:body");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 400, code: "bad_request:body", message: "name: text must not contain the NUL character (U+0000)." });
  });
});
