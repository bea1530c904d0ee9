import { describe, expect, it } from "vitest";
import { timing } from "@/components/editor/output-panel";
import { settle, statusLabel, stopReason } from "@/components/lab/lab-state";
import type { RunResult } from "@/lib/runner/types";

const result = (overrides: Partial<RunResult>): RunResult => ({ stdout: "", stderr: "", exitCode: 0, timedOut: false, truncated: false, durationMs: 900, ...overrides });

describe("a lab cell's state", () => {
  it("is done after a clean run and failed after the program's own error", () => {
    expect(settle(result({})).status).toBe("done");
    const failed = settle(result({ exitCode: 1, stderr: "undefined: x" }));
    expect(failed.status).toBe("failed");
    expect(statusLabel(failed, true)).toBe("Failed (exit code 1)");
  });

  it.each([
    ["the time limit", { timedOut: true, exitCode: null }, /time limit/],
    ["the output limit", { truncated: true, exitCode: null }, /output limit/],
    ["a kill for memory or CPU", { exitCode: 137, stderr: "The program was stopped: … 512 MiB of memory." }, /memory or CPU/],
  ])("says plainly that the sandbox stopped it at %s", (_name, overrides, sentence) => {
    const state = settle(result(overrides));
    expect(state.status).toBe("stopped");
    expect(stopReason(result(overrides))).toMatch(sentence);
  });

  it("tells compiling languages from interpreted ones while running", () => {
    expect(statusLabel({ status: "running" }, true)).toBe("Compiling and running…");
    expect(statusLabel({ status: "running" }, false)).toBe("Running…");
    expect(statusLabel({ status: "waiting" }, false)).toBe("Waiting for its turn");
  });
});

describe("the run time shown under an output", () => {
  it("shows compiling and running apart, never their sum", () => {
    expect(timing(result({ compileMs: 820, runMs: 6 }))).toBe("compiled in 820 ms · ran in 6 ms");
    expect(timing(result({ buildCached: true, runMs: 6 }))).toBe("build reused (same code) · ran in 6 ms");
  });

  it("says when compiling ended the run", () => {
    expect(timing(result({ compileMs: 300, exitCode: 1 }))).toBe("compiling took 300 ms; the program did not run");
  });

  it("shows the run alone for interpreters, and the total where an engine does not split phases", () => {
    expect(timing(result({ runMs: 110 }))).toBe("ran in 110 ms");
    expect(timing(result({}))).toBe("ran in 900 ms");
  });
});
