import { describe, expect, it } from "vitest";
import { pretty, valueDifference } from "@/components/editor/value-difference";
import { typeOf } from "@/lib/grading/exercise";

// The page's explanation of a wrong exercise value, from the values the grader sends.
const value = (data: unknown) => ({ json: JSON.stringify(data), type: typeOf(data) });

describe("valueDifference", () => {
  it.each([
    { title: "a number where text was expected", expected: "3", got: 3, why: "The types differ: expected text, got number, though they print the same." },
    { title: "a list where an object was expected", expected: {}, got: [], why: "The types differ: expected empty object, got empty list." },
    { title: "missing, extra and different keys", expected: { a: 1, b: 2, c: 3 }, got: { a: 1, b: 5, d: 4 }, why: 'Missing key "c"; a key not expected: "d"; a different value for "b".' },
    { title: "a list too short", expected: [1, 2, 3], got: [1, 2], why: "Expected 3 items, got 2." },
    { title: "an item that differs", expected: [1, 2, 3], got: [1, 9, 3], why: "Item 2 differs first (counting from 1)." },
    { title: "case only", expected: "References", got: "references", why: "Only upper and lower case differ." },
    { title: "spaces at the ends only", expected: "ok", got: "ok\n", why: "Only spaces or line breaks at the start or end differ." },
    { title: "different words say no sentence, the diff shows them", expected: "borrows", got: "references", why: null },
  ])("$title", ({ expected, got, why }) => {
    expect(valueDifference(value(expected), value(got)).why).toBe(why);
  });

  it("marks text character by character: extra is the learner's only, missing the expected only", () => {
    const { parts, lines } = valueDifference(value("borrow"), value("borrows"));
    expect(lines).toBe(false);
    expect(parts).toEqual([
      { text: "borrow", kind: "same" },
      { text: "s", kind: "extra" },
    ]);
  });

  it("marks structures line by line in sorted JSON, so key order is no difference", () => {
    const { parts, lines } = valueDifference(value({ b: ["2"], a: 1 }), value({ a: 1, b: ["3"] }));
    expect(lines).toBe(true);
    expect(parts?.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["extra", '"3"'],
      ["missing", '"2"'],
    ]);
  });

  it("compares no parts of numbers, nor of a value cut for size", () => {
    expect(valueDifference(value(2), value(3))).toEqual({ why: null, parts: null, lines: false });
    const cut = { json: '"abc', type: "text", cut: true };
    expect(valueDifference(cut, value(1))).toEqual({ why: "The types differ: expected text, got number.", parts: null, lines: false });
  });

  it("pretty-prints with keys sorted at every depth", () => {
    expect(pretty({ b: { d: 1, c: 2 }, a: [3] })).toBe('{\n  "a": [\n    3\n  ],\n  "b": {\n    "c": 2,\n    "d": 1\n  }\n}');
  });
});
