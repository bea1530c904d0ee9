import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// What /api/health says about the sandbox's isolation, on this host as it is (root: cgroups, seccomp, private tmpfs)
// and as a developer without root would have it, where the sandbox falls back to rlimits and says so.
vi.mock("@/lib/db/client", () => ({ db: () => ({ $queryRawUnsafe: async () => [{ 1: 1 }] }) }));
process.env.RUNNER_WALL_SECONDS = "3";
process.env.RUNNER_UID_BASE = "64600";

const asRoot = process.getuid?.() === 0;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("sandbox isolation", () => {
  it.runIf(asRoot)("is reported in full by /api/health when the server runs as root", async () => {
    const { GET } = await import("@/app/api/health/route");
    const body = await (await GET(new Request("http://localhost/api/health"))).json();
    expect(body.sandbox).toEqual({
      level: "full",
      cgroup: expect.stringMatching(/^v[12]$/),
      seccomp: "on",
      userns: "disabled",
      tmpfsInodeLimit: true,
      reasons: [],
    });
  });

  it("says why it is degraded without root, and runs still work within rlimits and a sized tmpfs", async () => {
    // The build caches stay where root's are, or pretending to be another user would rebuild them (half a minute).
    const { cacheRoot } = await import("@/lib/runner/sandbox/toolchains");
    vi.stubEnv("RUNNER_CACHE_DIR", cacheRoot());
    vi.spyOn(process, "getuid").mockReturnValue(1000);
    const { sandboxIsolation } = await import("@/lib/runner/toolchains");
    const report = await sandboxIsolation();
    expect(report).toMatchObject({ level: "degraded", cgroup: "none", userns: "disabled", tmpfsInodeLimit: false });
    expect(report.reasons.join("\n")).toMatch(/not run as root/);
    const { runCode } = await import("@/lib/runner/run-code");
    const code = `written = 0\ntry:\n    for i in range(64):\n        with open(f"/dev/shm/f{i}", "wb", buffering=0) as f:\n            f.write(b"x" * (1 << 20))\n        written += 1\nexcept OSError as e:\n    print("errno", e.errno)\nprint("MiB", written)`;
    const result = await runCode({ language: "python", code });
    expect(result.stdout).toMatch(/^errno 28\nMiB 1[56]\n$/);
  });

  it.runIf(asRoot)("removes run groups left behind by a server that died mid-run", async () => {
    // A pid above pid_max can never be alive; the group is made where this process's runs would go.
    const deadPid = Number(readFileSync("/proc/sys/kernel/pid_max", "utf8")) + 1;
    const v2 = existsSync("/sys/fs/cgroup/cgroup.controllers");
    const line = readFileSync("/proc/self/cgroup", "utf8").split("\n").find((l) => (v2 ? l.startsWith("0::") : /^\d+:pids:/.test(l)))!;
    const parent = path.join(v2 ? "/sys/fs/cgroup" : "/sys/fs/cgroup/pids", line.slice(line.indexOf(":", line.indexOf(":") + 1) + 1));
    const orphan = path.join(parent, `backend-paths-run-${deadPid}-1`);
    mkdirSync(orphan);
    const { cgroupSupport } = await import("@/lib/runner/sandbox/cgroup");
    expect(cgroupSupport().version).toMatch(/^v[12]$/);
    expect(existsSync(orphan)).toBe(false);
  });
});
