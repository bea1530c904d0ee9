import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { WORK_DIR } from "@/lib/runner/sandbox/bwrap";
import type { LanguagePlan } from "@/lib/runner/sandbox/languages";
import { SANDBOX_NODE_MODULES } from "@/lib/runner/sandbox/node-packages";

// The baseline of the sandbox's overhead: the same plan the sandbox gets (sandbox/languages.ts: the same toolchain,
// compile command, flags and environment), run bare: no bubblewrap, no cgroup, no rlimits, as the bench's own user.
// The sandbox's paths become a temporary folder's: each bind's mount point its host source, and /tmp (work folder,
// GOPATH, Go's cache copy) the temporary folder itself. node_modules sits beside the work folder, where Node's lookup
// from the program's folder finds it, as it finds /node_modules in the sandbox.

function hostPaths(plan: LanguagePlan, tmp: string): (value: string) => string {
  // Longest mount point first: /opt/rust is a prefix of /opt/rustdeps.
  const binds = plan.binds.filter((bind) => bind.dest !== SANDBOX_NODE_MODULES).sort((a, b) => b.dest.length - a.dest.length);
  return (value) => {
    let out = value.replace(/(^|[\s:="'])\/tmp(?=\/|$|[\s:"'])/g, `$1${tmp}`);
    for (const bind of binds) out = out.split(bind.dest).join(bind.source);
    return out;
  };
}

function run(argv: string[], cwd: string, env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code: number | null) => (code === 0 ? resolve(code) : reject(new Error(`${argv.join(" ")} exited ${code}: ${stderr.slice(0, 400)}`))));
  });
}

/** Compiles (when the plan does) and runs the plan bare; resolves with the milliseconds both took together. */
export async function runBare(plan: LanguagePlan): Promise<number> {
  // In memory where the host has a tmpfs at /dev/shm, as the sandbox's /tmp is: Go's build copies its 36 MiB cache there.
  const tmp = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir(), "bp-bare-"));
  try {
    const host = hostPaths(plan, tmp);
    const work = host(WORK_DIR);
    mkdirSync(work, { recursive: true });
    for (const file of plan.files) writeFileSync(path.join(work, file.path), file.content);
    const modules = plan.binds.find((bind) => bind.dest === SANDBOX_NODE_MODULES);
    if (modules) symlinkSync(modules.source, path.join(tmp, "node_modules"));
    const env = Object.fromEntries(Object.entries(plan.env).map(([key, value]) => [key, host(value)]));
    const started = performance.now();
    if (plan.compile) await run(plan.compile.map(host), work, env);
    await run(plan.run.map(host), work, env);
    return performance.now() - started;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
