import { afterEach, describe, expect, it } from "vitest";
import { runCode } from "@/lib/runner/run-code";

// Compile time and run time come apart from the sandbox's own phases, so a compiled language's first run is not
// read as slow code. Each program sleeps a known time, which the run phase must contain and the compile phase not.

// Every run here must compile: a binary kept from an earlier run (sandbox/build-cache.ts) would skip the phase.
process.env.RUNNER_BUILD_CACHE_MB = "0";

const SLEEP_MS = 300;
const sleepers = {
  go: `package main\nimport ("fmt";"time")\nfunc main() { time.Sleep(${SLEEP_MS} * time.Millisecond); fmt.Println("slept") }`,
  rust: `fn main() { std::thread::sleep(std::time::Duration::from_millis(${SLEEP_MS})); println!("slept"); }`,
  python: `import time\ntime.sleep(${SLEEP_MS / 1000})\nprint("slept")`,
};

afterEach(() => {
  delete process.env.RUNNER_WALL_SECONDS;
});

describe("phase timing of server runs", () => {
  it.each(["go", "rust"] as const)("%s reports compiling and running apart, each inside the whole", async (language) => {
    const result = await runCode({ language, code: sleepers[language] });
    expect(result).toMatchObject({ stdout: "slept\n", exitCode: 0 });
    expect(result.compileMs).toBeGreaterThan(0);
    expect(result.runMs).toBeGreaterThanOrEqual(SLEEP_MS);
    // Both phases fit in the run as a whole, so the compile time is not counted again in the run time.
    expect(result.compileMs! + result.runMs!).toBeLessThanOrEqual(result.durationMs + 1);
  });

  it("an interpreted language has a run phase and no compile phase", async () => {
    const result = await runCode({ language: "python", code: sleepers.python });
    expect(result.stdout).toBe("slept\n");
    expect(result.compileMs).toBeUndefined();
    expect(result.runMs).toBeGreaterThanOrEqual(SLEEP_MS);
    expect(result.runMs!).toBeLessThanOrEqual(result.durationMs + 1);
  });

  it("a compile error has a compile time and no run time", async () => {
    const result = await runCode({ language: "go", code: "package main\nfunc main() { undefinedThing() }" });
    expect(result.exitCode).not.toBe(0);
    expect(result.compileMs).toBeGreaterThan(0);
    expect(result.runMs).toBeUndefined();
  });

  it("a run stopped at the wall limit reports the run phase up to the stop", async () => {
    process.env.RUNNER_WALL_SECONDS = "1";
    const result = await runCode({ language: "go", code: "package main\nimport \"time\"\nfunc main() { time.Sleep(time.Hour) }" });
    expect(result.timedOut).toBe(true);
    expect(result.compileMs).toBeGreaterThan(0);
    expect(result.runMs).toBeGreaterThanOrEqual(1000);
    expect(result.runMs!).toBeLessThan(4000);
  });
});
