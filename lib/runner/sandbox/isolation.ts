import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { cgroupSupport } from "./cgroup";
import { seccompFilter } from "./seccomp";
import { cacheRoot } from "./toolchains";

// What this host lets the sandbox use, found out once: cgroups (cgroup.ts), the seccomp filter (seccomp.ts), and
// private tmpfs mounts with an inode limit. Each one missing leaves the sandbox working with less, and the report
// (shown by /api/health) says which and why.

const execFileAsync = promisify(execFile);

export type IsolationReport = {
  level: "full" | "degraded";
  cgroup: "v1" | "v2" | "none";
  seccomp: "on" | "off";
  /** Nested user namespaces: bwrap --disable-userns, always. */
  userns: "disabled";
  /** Whether the work tmpfs has an inode limit (a mount made by root in a private mount namespace). */
  tmpfsInodeLimit: boolean;
  reasons: string[];
};

export type Isolation = {
  report: IsolationReport;
  seccomp?: Buffer;
  /** Host folder each run mounts its own tmpfs on, inside a mount namespace of its own; unset when not root. */
  scratchDir?: string;
};

async function privateScratch(): Promise<{ dir?: string; reason?: string }> {
  if (process.getuid?.() !== 0) return { reason: "not root: the work tmpfs is bubblewrap's, sized but with no inode limit" };
  const dir = path.join(cacheRoot(), "scratch");
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    // The same steps a run takes, so a host that refuses them is found now rather than on a learner's run.
    await execFileAsync("unshare", ["--mount", "--propagation", "private", "--", "mount", "-t", "tmpfs", "-o", "size=1m,nr_inodes=16", "tmpfs", dir]);
    return { dir };
  } catch (error) {
    return { reason: `private tmpfs mounts failed, so the work tmpfs has no inode limit: ${error instanceof Error ? error.message : String(error)}` };
  }
}

let preparing: Promise<Isolation> | undefined;

/** Prepared once per process; runs and /api/health share the answer. */
export function prepareIsolation(): Promise<Isolation> {
  preparing ??= (async () => {
    const cgroup = cgroupSupport();
    const [filter, scratch] = await Promise.all([seccompFilter(), privateScratch()]);
    const reasons = [cgroup.reason, filter.bpf ? undefined : filter.reason, scratch.reason].filter((r): r is string => Boolean(r));
    return {
      report: {
        level: reasons.length ? "degraded" : "full",
        cgroup: cgroup.version,
        seccomp: filter.bpf ? "on" : "off",
        userns: "disabled",
        tmpfsInodeLimit: Boolean(scratch.dir),
        reasons,
      },
      seccomp: filter.bpf,
      scratchDir: scratch.dir,
    };
  })();
  return preparing;
}
