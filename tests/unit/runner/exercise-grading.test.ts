import { describe, expect, it } from "vitest";
import { gradeExercise, type GradeInput } from "@/lib/grading/exercise";

const base: GradeInput = { testNames: ["adds", "subtracts"], nonce: "n0nce", stdout: "", stderr: "", exitCode: 0, timedOut: false, truncated: false };
const line = (verdict: string, name: string, message = "", nonce = "n0nce") => `@@TEST\t${nonce}\t${verdict}\t${name}\t${message}`;

describe("gradeExercise", () => {
  it.each([
    {
      title: "all tests pass",
      input: { stdout: `hello\n${line("PASS", "adds")}\n${line("PASS", "subtracts")}\n` },
      passed: true,
      tests: [{ name: "adds", passed: true, message: "" }, { name: "subtracts", passed: true, message: "" }],
      stdout: "hello\n",
    },
    {
      title: "one test fails with its message",
      input: { stdout: `${line("PASS", "adds")}\n${line("FAIL", "subtracts", "expected 1, got 3")}` },
      passed: false,
      tests: [{ name: "adds", passed: true, message: "" }, { name: "subtracts", passed: false, message: "expected 1, got 3" }],
      stdout: "",
    },
    {
      title: "markers with the wrong nonce are ignored and stay in the output",
      input: { stdout: `${line("PASS", "adds", "", "guess")}\n${line("PASS", "subtracts")}` },
      passed: false,
      tests: [{ name: "adds", passed: false, message: "Not run." }, { name: "subtracts", passed: true, message: "" }],
      stdout: line("PASS", "adds", "", "guess"),
    },
    {
      title: "a later PASS cannot overwrite a FAIL",
      input: { stdout: `${line("FAIL", "adds", "wrong")}\n${line("PASS", "adds")}\n${line("PASS", "subtracts")}` },
      passed: false,
      tests: [{ name: "adds", passed: false, message: "wrong" }, { name: "subtracts", passed: true, message: "" }],
      stdout: "",
    },
    {
      title: "a compile error fails every test with a reason",
      input: { stdout: "", stderr: "error[E0308]", exitCode: 1 },
      passed: false,
      tests: [
        { name: "adds", passed: false, message: "Not run: the program stopped with an error (see the errors below)." },
        { name: "subtracts", passed: false, message: "Not run: the program stopped with an error (see the errors below)." },
      ],
      stdout: "",
    },
    {
      title: "a timeout fails even tests that reported a pass before it",
      input: { stdout: `${line("PASS", "adds")}\n${line("PASS", "subtracts")}`, exitCode: null, timedOut: true },
      passed: false,
      tests: [{ name: "adds", passed: true, message: "" }, { name: "subtracts", passed: true, message: "" }],
      stdout: "",
    },
    {
      title: "unknown test names are ignored",
      input: { stdout: `${line("PASS", "adds")}\n${line("PASS", "bonus")}`, timedOut: false },
      passed: false,
      tests: [{ name: "adds", passed: true, message: "" }, { name: "subtracts", passed: false, message: "Not run." }],
      stdout: "",
    },
  ])("$title", ({ input, passed, tests, stdout }) => {
    const grade = gradeExercise({ ...base, ...input });
    expect(grade.passed).toBe(passed);
    expect(grade.tests).toEqual(tests);
    expect(grade.stdout).toBe(stdout);
  });
});
