import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LAB_LANGUAGES, loadLab } from "@/lib/content/lab";
import { elapsedMs, labOutputDifference, TIMING_PLACEHOLDER } from "@/lib/content/lab-output";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A lessons/_lab folder in a temporary repository: files relative to _lab. */
function fixture(files: Record<string, string>): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "bp-lab-"));
  dirs.push(repo);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(repo, "lessons", "_lab", file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return path.join(repo, "lessons", "_lab");
}

const MANIFEST = "programs:\n  - id: hello\n    title: Hello\n    input: none\n    summary: Says hello.\n";
const ALL = { "lab.yaml": MANIFEST, "hello/main.ts": "1", "hello/main.py": "2", "hello/main.go": "3", "hello/main.rs": "4", "hello/expected.out": "hi\n" };

describe("loadLab", () => {
  it("loads the course's lab: every program in the four languages, with a timing line to match", () => {
    const { programs, issues } = loadLab();
    expect(issues).toEqual([]);
    expect(programs.map((p) => p.id)).toEqual(["fib", "fanout"]);
    for (const program of programs) {
      expect(program.sources.map((s) => s.language)).toEqual([...LAB_LANGUAGES]);
      expect(program.expectedOutput.split("\n")).toContain(TIMING_PLACEHOLDER);
      expect(program.expectedPath).toBe(`lessons/_lab/${program.id}/expected.out`);
    }
    expect(programs[0]!.input).toMatch(/^fib\(30\)/);
  });

  it("reads a complete program with repository-relative paths", () => {
    const { programs, issues } = loadLab(fixture(ALL));
    expect(issues).toEqual([]);
    expect(programs[0]!.sources.map((s) => [s.path, s.code])).toEqual([
      ["lessons/_lab/hello/main.ts", "1"],
      ["lessons/_lab/hello/main.py", "2"],
      ["lessons/_lab/hello/main.go", "3"],
      ["lessons/_lab/hello/main.rs", "4"],
    ]);
  });

  it("names a missing language file at the program's line", () => {
    const { "hello/main.rs": _, ...withoutRust } = ALL;
    const { programs, issues } = loadLab(fixture(withoutRust));
    expect(programs).toEqual([]);
    expect(issues).toEqual([{ file: "lessons/_lab/lab.yaml", line: 2, message: 'program "hello" has no lessons/_lab/hello/main.rs' }]);
  });

  it("reports a manifest that breaks the schema with its line", () => {
    const { issues } = loadLab(fixture({ ...ALL, "lab.yaml": "programs:\n  - id: Hello World\n    title: Hello\n    input: none\n    summary: x\n" }));
    expect(issues).toEqual([{ file: "lessons/_lab/lab.yaml", line: 2, message: 'lab "programs[0].id": must be a kebab-case id (the folder\'s name)' }]);
  });
});

describe("lab output", () => {
  const expected = "fib(30) = 832040\nelapsed_ms=<ms>\n";

  it("accepts any number on the timing line and ignores trailing whitespace", () => {
    expect(labOutputDifference(expected, "fib(30) = 832040  \nelapsed_ms=12.3\n\n")).toBeUndefined();
    expect(labOutputDifference(expected, "fib(30) = 832040\nelapsed_ms=7\n")).toBeUndefined();
  });

  it("names the first line that differs, the timing line included", () => {
    expect(labOutputDifference(expected, "fib(30) = 832041\nelapsed_ms=1.0\n")).toEqual({ index: 0, expected: "fib(30) = 832040", actual: "fib(30) = 832041" });
    expect(labOutputDifference(expected, "fib(30) = 832040\nelapsed: 3 ms\n")).toMatchObject({ index: 1, actual: "elapsed: 3 ms" });
    expect(labOutputDifference(expected, "fib(30) = 832040\n")).toMatchObject({ index: 1, actual: "(end of output)" });
  });

  it("reads the program's own time, or nothing when it printed none", () => {
    expect(elapsedMs("users: ok\nelapsed_ms=501.25\n")).toBe(501.25);
    expect(elapsedMs("fib(30) = 832040\n")).toBeUndefined();
    expect(elapsedMs("elapsed_ms=fast\n")).toBeUndefined();
  });
});
