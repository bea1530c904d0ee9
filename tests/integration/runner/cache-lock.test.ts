import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildOnce } from "@/lib/runner/sandbox/toolchains";

// The runner's caches are built by whichever process gets there first; the server, test workers and content:check
// often start together on an empty cache. Before the lock, each built and replaced the folder under the others.

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("buildOnce", () => {
  it("builds a cache once when many ask at the same time, and every caller gets the built cache", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "cache-lock-"));
    roots.push(root);
    const stamp = path.join(root, "stamp");
    let builds = 0;
    const ready = () => (existsSync(stamp) ? readFileSync(stamp, "utf8") : undefined);
    const build = async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      writeFileSync(stamp, "v1");
      return "v1";
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => buildOnce(root, ready, build)));
    expect(results).toEqual(["v1", "v1", "v1", "v1", "v1"]);
    expect(builds).toBe(1);
    expect(existsSync(`${root}.lock`)).toBe(false);
  });

  it("releases the lock when a build fails, so the next caller can build", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "cache-lock-"));
    roots.push(root);
    await expect(buildOnce(root, () => undefined, () => Promise.reject(new Error("no compiler")))).rejects.toThrow("no compiler");
    await expect(buildOnce(root, () => undefined, async () => "built")).resolves.toBe("built");
  });
});
