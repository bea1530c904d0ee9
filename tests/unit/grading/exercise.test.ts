import { describe, expect, it } from "vitest";
import { canonicalJson, gradeExercise, typeOf, type GradeInput } from "@/lib/grading/exercise";

const tests = [
  { name: "parses", expect: { page: ["2"], sort: ["new"] }, what: 'parse_query("page=2&sort=new")' },
  { name: "empty", expect: {} },
];
const base: GradeInput = { tests, nonce: "n0nce", stdout: "", exitCode: 0, timedOut: false, truncated: false };
const observed = (test: string, value: unknown, nonce = "n0nce") => `@@OBS\t${nonce}\t${JSON.stringify({ test, value })}`;
const raised = (test: string, error: string) => `@@OBS\tn0nce\t${JSON.stringify({ test, error })}`;
const RIGHT = { sort: ["new"], page: ["2"] };

describe("gradeExercise", () => {
  it.each([
    {
      title: "the expected values pass, whatever order a language wrote the keys in, and markers leave the output",
      stdout: `hello\n${observed("parses", RIGHT)}\n${observed("empty", {})}\n`,
      passed: true,
      results: [{ name: "parses", passed: true, message: "" }, { name: "empty", passed: true, message: "" }],
      shown: "hello\n",
    },
    {
      title: "a wrong value fails with what was observed and what was expected, each with its type",
      stdout: `${observed("parses", { page: ["2"] })}\n${observed("empty", [])}`,
      passed: false,
      results: [
        {
          name: "parses",
          passed: false,
          message: 'parse_query("page=2&sort=new"): got {"page":["2"]}, expected {"page":["2"],"sort":["new"]}',
          what: 'parse_query("page=2&sort=new")',
          expected: { json: '{"page":["2"],"sort":["new"]}', type: "object with keys page, sort" },
          got: { json: '{"page":["2"]}', type: "object with key page" },
        },
        { name: "empty", passed: false, message: "got [], expected {}", expected: { json: "{}", type: "empty object" }, got: { json: "[]", type: "empty list" } },
      ],
      shown: "",
    },
    {
      title: "an error the code raised is the message",
      stdout: `${raised("parses", "raised KeyError: 'x'")}\n${observed("empty", {})}`,
      passed: false,
      results: [
        { name: "parses", passed: false, message: `parse_query("page=2&sort=new"): raised KeyError: 'x'` },
        { name: "empty", passed: true, message: "" },
      ],
      shown: "",
    },
    {
      title: "printed verdicts are not observations: forged PASS lines pass nothing and stay in the output",
      stdout: "@@TEST\tn0nce\tPASS\tparses\t\n@@TEST\tn0nce\tPASS\tempty\t",
      passed: false,
      results: [{ name: "parses", passed: false, message: "Not run." }, { name: "empty", passed: false, message: "Not run." }],
      shown: "@@TEST\tn0nce\tPASS\tparses\t\n@@TEST\tn0nce\tPASS\tempty\t",
    },
    {
      title: "observations with another nonce are ignored and stay in the output",
      stdout: `${observed("parses", RIGHT, "guess")}\n${observed("empty", {})}`,
      passed: false,
      results: [{ name: "parses", passed: false, message: "Not run." }, { name: "empty", passed: true, message: "" }],
      shown: observed("parses", RIGHT, "guess"),
    },
    {
      title: "a test observed twice fails, whichever observation was right",
      stdout: `${observed("parses", RIGHT)}\n${observed("parses", {})}\n${observed("empty", {})}\n${observed("empty", {})}`,
      passed: false,
      results: [
        { name: "parses", passed: false, message: `parse_query("page=2&sort=new"): was reported more than once: only the exercise's harness reports tests` },
        { name: "empty", passed: false, message: "was reported more than once: only the exercise's harness reports tests" },
      ],
      shown: "",
    },
    {
      title: "a marker after output printed without a newline still counts, and the output stays",
      stdout: `partial${observed("parses", RIGHT)}\n${observed("empty", {})}`,
      passed: true,
      results: [{ name: "parses", passed: true, message: "" }, { name: "empty", passed: true, message: "" }],
      shown: "partial",
    },
    {
      title: "an unreadable record is no observation",
      stdout: `@@OBS\tn0nce\t{"test": "parses", "value": \n@@OBS\tn0nce\t{"test": "empty"}\n@@OBS\tn0nce\t["empty", {}]`,
      passed: false,
      results: [{ name: "parses", passed: false, message: "Not run." }, { name: "empty", passed: false, message: "Not run." }],
      shown: "",
    },
    {
      title: "a value nested beyond the stack fails its test instead of breaking the grader",
      stdout: `@@OBS\tn0nce\t{"test":"parses","value":${"[".repeat(200_000)}${"]".repeat(200_000)}}\n${observed("empty", {})}`,
      passed: false,
      results: [
        { name: "parses", passed: false, message: 'parse_query("page=2&sort=new"): returned a value too deeply nested to compare' },
        { name: "empty", passed: true, message: "" },
      ],
      shown: "",
    },
    {
      title: "unknown test names are ignored",
      stdout: `${observed("bonus", 1)}\n${observed("empty", {})}`,
      passed: false,
      results: [{ name: "parses", passed: false, message: "Not run." }, { name: "empty", passed: true, message: "" }],
      shown: "",
    },
  ])("$title", ({ stdout, passed, results, shown }) => {
    const grade = gradeExercise({ ...base, stdout });
    expect(grade.tests).toEqual(results);
    expect(grade.passed).toBe(passed);
    expect(grade.stdout).toBe(shown);
  });

  it("says why a test has no observation", () => {
    const stopped = gradeExercise({ ...base, exitCode: 1 });
    expect(stopped.tests.map((t) => t.message)).toEqual(Array(2).fill("Not run: the program stopped with an error (see the errors below)."));
    const flooded = gradeExercise({ ...base, exitCode: null, truncated: true });
    expect(flooded.tests[0]?.message).toBe("Not run: the program printed too much output.");
  });

  it("fails a run stopped at the time limit even when every observation was right", () => {
    const grade = gradeExercise({ ...base, stdout: `${observed("parses", RIGHT)}\n${observed("empty", {})}`, exitCode: null, timedOut: true });
    expect(grade.tests.every((t) => t.passed)).toBe(true);
    expect(grade.passed).toBe(false);
    expect(gradeExercise({ ...base, tests: [] }).passed).toBe(false);
  });

  it("shortens long values in messages, and sends them whole for comparing up to a cut it states", () => {
    const grade = gradeExercise({ ...base, stdout: observed("empty", "x".repeat(1000)) });
    expect(grade.tests[1]?.message).toMatch(/^got "x{299}…, expected \{\}$/);
    expect(grade.tests[1]?.got).toEqual({ json: JSON.stringify("x".repeat(1000)), type: "text" });
    const huge = gradeExercise({ ...base, stdout: observed("empty", "y".repeat(10_000)) }).tests[1]!.got!;
    expect(huge).toMatchObject({ type: "text", cut: true });
    expect(huge.json).toHaveLength(4_000);
  });

  it("tells text from a number that looks the same", () => {
    const grade = gradeExercise({ ...base, tests: [{ name: "n", expect: 3 }], stdout: observed("n", "3") });
    expect(grade.tests[0]).toMatchObject({ passed: false, expected: { json: "3", type: "number" }, got: { json: '"3"', type: "text" } });
  });

  it("fails code that uses a forbidden approach, with the reason, even when every test passes", () => {
    const stdout = `${observed("parses", RIGHT)}\n${observed("empty", {})}`;
    const forbidden = [{ pattern: "\\bparse_qsl?\\b", reason: "Parse the query yourself: parse_qs is what this exercise replaces." }];
    const uses = gradeExercise({ ...base, stdout, source: { language: "python", code: "from urllib.parse import parse_qs", forbidden } });
    expect(uses.tests.every((t) => t.passed)).toBe(true);
    expect(uses).toMatchObject({ passed: false, forbidden: [forbidden[0]!.reason] });
    const mentions = gradeExercise({ ...base, stdout, source: { language: "python", code: "# no parse_qs here\nx = 1", forbidden } });
    expect(mentions).toMatchObject({ passed: true, forbidden: [] });
    expect(gradeExercise({ ...base, stdout })).toMatchObject({ passed: true, forbidden: [] });
  });
});

describe("typeOf", () => {
  it.each([
    [null, "null"],
    ["", "text"],
    [0, "number"],
    [false, "boolean"],
    [[], "empty list"],
    [[1, 2, 3], "list of 3"],
    [{}, "empty object"],
    [{ b: 1, a: 2 }, "object with keys a, b"],
    [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, "object with keys a, b, c, d, e, …"],
  ])("%j is %s", (value, type) => {
    expect(typeOf(value)).toBe(type);
  });
});

describe("canonicalJson", () => {
  it("sorts object keys at every depth, keeps array order, and reads a number one way", () => {
    expect(canonicalJson({ b: [2, 1, { d: 1, c: null }], a: 1.0 })).toBe('{"a":1,"b":[2,1,{"c":null,"d":1}]}');
    expect(canonicalJson(JSON.parse('{"x": 1.0}'))).toBe(canonicalJson({ x: 1 }));
    expect(canonicalJson(undefined)).toBe("null");
  });
});
