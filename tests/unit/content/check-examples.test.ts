import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { transform } from "sucrase";
import { describe, expect, it } from "vitest";
import { checkExamples, normaliseOutput, type LessonExample } from "@/lib/content/examples";
import type { RunRequest, RunResult } from "@/lib/runner/types";

// A small real runner: node and python3 on the host. The content check uses the sandboxed server runner instead;
// checkExamples only needs the RunRequest -> RunResult contract.
async function hostRun(req: RunRequest): Promise<RunResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-check-"));
  try {
    const started = Date.now();
    let command: string;
    let file: string;
    if (req.language === "python") {
      command = "python3";
      file = path.join(dir, "main.py");
      fs.writeFileSync(file, req.code);
    } else if (req.language === "javascript" || req.language === "typescript") {
      command = process.execPath;
      file = path.join(dir, "main.mjs");
      fs.writeFileSync(file, req.language === "typescript" ? transform(req.code, { transforms: ["typescript"] }).code : req.code);
    } else {
      throw new Error(`no ${req.language} toolchain in this test runner`);
    }
    const result = spawnSync(command, [file], { encoding: "utf8", timeout: 2000 });
    const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
    return { stdout: result.stdout ?? "", stderr: result.stderr ?? "", exitCode: timedOut ? null : result.status, timedOut, truncated: false, durationMs: Date.now() - started };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const example = (file: string, code: string, expectedOutput: string): LessonExample => {
  const ext = path.extname(file).slice(1);
  const language = ({ js: "javascript", ts: "typescript", py: "python", go: "go" } as const)[ext as "js"];
  return { id: `t/01-x/${file}`, lessonId: "t/01-x", file, name: path.basename(file, `.${ext}`), language, code, expectedOutput, path: `lessons/t/01-x/examples/${file}` };
};

describe("checkExamples with a real runner", () => {
  it.each([
    ["matching output passes", example("ok.js", 'console.log("hi")', "hi\n"), { ok: true }],
    ["TypeScript runs after type stripping", example("typed.ts", "const n: number = 2;\nconsole.log(n * 21);", "42\n"), { ok: true }],
    ["trailing spaces and blank lines are not differences", example("pad.py", 'print("a   ")\nprint()\nprint()', "a\n"), { ok: true }],
    [
      "a different line is reported with its number",
      example("diff.py", 'print("one")\nprint("three")', "one\ntwo\n"),
      { ok: false, message: 'lessons/t/01-x/examples/diff.py: output differs from lessons/t/01-x/examples/diff.out\n  line 2: expected "two", got "three"' },
    ],
    [
      "missing output at the end is reported",
      example("short.js", 'console.log("one")', "one\ntwo\n"),
      { ok: false, message: 'lessons/t/01-x/examples/short.js: output differs from lessons/t/01-x/examples/short.out\n  line 2: expected "two", got "(end of output)"' },
    ],
    [
      "a crash reports the exit code and stderr",
      example("crash.py", 'raise SystemExit("boom")', ""),
      { ok: false, message: "lessons/t/01-x/examples/crash.py: exited with code 1\n  boom" },
    ],
    ["a hang is reported as a timeout", example("hang.js", "for (;;) {}", ""), { ok: false, message: "lessons/t/01-x/examples/hang.js: timed out" }],
    [
      "a runner failure is reported, not thrown",
      example("main.go", "package main", ""),
      { ok: false, message: "lessons/t/01-x/examples/main.go: the runner failed: no go toolchain in this test runner" },
    ],
  ])("%s", async (_name, ex, expected) => {
    const [result] = await checkExamples([ex], hostRun);
    expect({ ok: result?.ok, message: result?.message }).toEqual({ message: undefined, ...expected });
  });

  it("checks every example, in order", async () => {
    const results = await checkExamples([example("a.js", "console.log(1)", "1"), example("b.py", "print(2)", "3")], hostRun);
    expect(results.map((r) => [r.example.file, r.ok])).toEqual([
      ["a.js", true],
      ["b.py", false],
    ]);
  });
});

describe("normaliseOutput", () => {
  it.each([
    ["  a  \r\nb\t\n\n", "  a\nb"],
    ["a\r\nb\r\n", "a\nb"],
    ["a\rb", "a\nb"],
    ["a \t\nb  \n\n\n", "a\nb"],
    ["  indented", "  indented"],
    ["", ""],
  ])("%j -> %j", (input, expected) => {
    expect(normaliseOutput(input)).toBe(expected);
  });
});
