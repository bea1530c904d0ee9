import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCode } from "@/lib/runner/run-code";
import { buildCacheBytes, type BuildCache } from "@/lib/runner/sandbox/build-cache";

// Compiled programs are kept (lib/runner/sandbox/build-cache.ts): the real toolchains and the real sandbox, with a
// cache folder of the test's own so that its size is the test's to check. Each program carries a nonce, so no run
// here finds a binary an earlier test run left.

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function cacheOf(maxBytes: number): BuildCache {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bp-builds-"));
  dirs.push(dir);
  return { dir, maxBytes };
}

const nonce = () => Math.random().toString(36).slice(2);
const goProgram = (word: string) => `package main\nimport "fmt"\n// ${nonce()}\nfunc main() { fmt.Println("${word}") }\n`;

describe("the build cache", () => {
  it.each([
    ["go", goProgram("same")],
    ["rust", `// ${nonce()}\nfn main() { println!("same"); }\n`],
  ] as const)("%s: a second run of the same source skips the compile and prints the same", async (language, code) => {
    const buildCache = cacheOf(256 << 20);
    const first = await runCode({ language, code }, { buildCache });
    expect(first).toMatchObject({ stdout: "same\n", exitCode: 0 });
    expect(first.compileMs).toBeGreaterThan(0);
    expect(first.buildCached).toBeUndefined();

    const second = await runCode({ language, code }, { buildCache });
    expect(second).toMatchObject({ stdout: "same\n", exitCode: 0, buildCached: true });
    expect(second.compileMs).toBeUndefined();
    expect(second.runMs).toBeGreaterThanOrEqual(0);
    // The binary is held only while it runs.
    expect(readdirSync(path.join(buildCache.dir, "in-use"))).toEqual([]);
  });

  it("a changed source compiles, and its own output comes back", async () => {
    const buildCache = cacheOf(256 << 20);
    await runCode({ language: "go", code: goProgram("before") }, { buildCache });
    const changed = await runCode({ language: "go", code: goProgram("after") }, { buildCache });
    expect(changed).toMatchObject({ stdout: "after\n", exitCode: 0 });
    expect(changed.compileMs).toBeGreaterThan(0);
    expect(changed.buildCached).toBeUndefined();
  });

  it("runs the program fresh each time: what it wrote in one run is gone in the next", async () => {
    const buildCache = cacheOf(256 << 20);
    const code = `package main
import ("fmt"; "os")
// ${nonce()}
func main() {
\t_, err := os.Stat("/tmp/w/mark")
\tfmt.Println(os.IsNotExist(err))
\tos.WriteFile("/tmp/w/mark", nil, 0o644)
\tfmt.Println(os.WriteFile("/tmp/w/prog", []byte("replaced"), 0o755) != nil)
}
`;
    const first = await runCode({ language: "go", code }, { buildCache });
    const second = await runCode({ language: "go", code }, { buildCache });
    expect(second.buildCached).toBe(true);
    // No mark left from the first run, and the kept binary is read-only to the program that runs from it.
    expect(first.stdout).toBe("true\ntrue\n");
    expect(second.stdout).toBe("true\ntrue\n");
  });

  it("a compile error is not kept: the same source fails by compiling again", async () => {
    const buildCache = cacheOf(256 << 20);
    const code = `package main\n// ${nonce()}\nfunc main() { undefinedThing() }\n`;
    await runCode({ language: "go", code }, { buildCache });
    const again = await runCode({ language: "go", code }, { buildCache });
    expect(again.exitCode).not.toBe(0);
    expect(again.compileMs).toBeGreaterThan(0);
    expect(buildCacheBytes(buildCache)).toBe(0);
  });

  it("stays within its size, dropping the least recently used binary first", async () => {
    // Room for two of these binaries (about 1.2 MiB each), not three.
    const probe = cacheOf(256 << 20);
    await runCode({ language: "go", code: goProgram("size") }, { buildCache: probe });
    const binary = buildCacheBytes(probe);
    expect(binary).toBeGreaterThan(0);
    const buildCache = cacheOf(Math.floor(binary * 2.5));

    const [a, b, c] = ["a", "b", "c"].map(goProgram);
    await runCode({ language: "go", code: a! }, { buildCache });
    await runCode({ language: "go", code: b! }, { buildCache });
    // Using `a` again makes `b` the least recently used, so storing `c` drops `b`.
    expect((await runCode({ language: "go", code: a! }, { buildCache })).buildCached).toBe(true);
    await runCode({ language: "go", code: c! }, { buildCache });
    expect(buildCacheBytes(buildCache)).toBeLessThanOrEqual(buildCache.maxBytes);

    expect((await runCode({ language: "go", code: c! }, { buildCache })).buildCached).toBe(true);
    expect((await runCode({ language: "go", code: a! }, { buildCache })).buildCached).toBe(true);
    const dropped = await runCode({ language: "go", code: b! }, { buildCache });
    expect(dropped).toMatchObject({ stdout: "b\n", exitCode: 0 });
    expect(dropped.buildCached).toBeUndefined();
    expect(buildCacheBytes(buildCache)).toBeLessThanOrEqual(buildCache.maxBytes);
  });
});
