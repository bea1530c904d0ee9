import "server-only";
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import type { PhaseLimits, SandboxLimits } from "./limits";

// The only place that starts learner code. One bubblewrap sandbox per run:
//  - every namespace unshared (user, pid, net, ipc, uts, cgroup): no network at all, loopback included, because the
//    sandbox's loopback is its own empty one;
//  - the host tree is absent except read-only binds of /usr, the few /etc files the dynamic linker needs, and the
//    toolchain caches; the app's folder, its .env.local, data/ and every home directory are simply not there;
//  - a private size-limited tmpfs is the only writable place;
//  - an unprivileged user: bwrap is started under a dedicated host uid (one per queue slot, so RLIMIT_NPROC counts
//    each slot separately) and shows it as 65534 inside;
//  - rlimits per phase via prlimit, wall time via timeout, and a backstop timer here that SIGKILLs bwrap; bwrap's
//    init is pid 1 of the namespace and dies with its parent, and the kernel then kills everything left in it.

export type SandboxFile = { path: string; content: string };
export type SandboxBind = { source: string; dest: string };

export type SandboxSpec = {
  files: SandboxFile[];
  /** argv of the compile step, run in WORK_DIR; a non-zero exit ends the run with the compiler's output. */
  compile?: string[];
  run: string[];
  env: Record<string, string>;
  binds: SandboxBind[];
  stdin?: string;
  limits: SandboxLimits;
  /** Queue slot: picks the host uid. */
  slot: number;
};

export type SandboxOutcome = {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
  truncated: boolean;
  durationMs: number;
  phase: "setup" | "compile" | "run";
};

export const WORK_DIR = "/tmp/w";
const SANDBOX_UID = 65534;

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function limited(limits: PhaseLimits, argv: string[]): string {
  // Soft CPU limit one second under the hard one: SIGXCPU first (reported as a timeout), SIGKILL as the backstop.
  const rlimits = [
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--as=${limits.memoryBytes}`,
    `--nproc=${limits.processes}`,
    `--fsize=${limits.fileBytes}`,
    "--nofile=256",
    "--core=0",
  ];
  return `timeout -k 1 ${limits.wallSeconds} prlimit ${rlimits.join(" ")} -- ${argv.map(shellQuote).join(" ")} 3>&-`;
}

/** The script bwrap runs. It reports phase results on fd 3, which the learner's processes never get. */
function script(spec: SandboxSpec): string {
  const lines = ["cd " + WORK_DIR];
  if (spec.compile) {
    lines.push(`${limited(spec.limits.compile, spec.compile)} </dev/null`);
    lines.push('rc=$?; if [ "$rc" -ne 0 ]; then echo "compile $rc" >&3; exit "$rc"; fi');
  }
  lines.push('echo "run-start" >&3');
  lines.push(limited(spec.limits.run, spec.run));
  lines.push('rc=$?; echo "run $rc" >&3; exit "$rc"');
  return lines.join("\n") + "\n";
}

export function sandboxUid(slot: number): number | undefined {
  // Only root can start bwrap under another uid; elsewhere (a developer's laptop, CI) it runs as the caller,
  // still inside its own user namespace.
  if (process.getuid?.() !== 0) return undefined;
  const base = Number(process.env.RUNNER_UID_BASE ?? 64000);
  return base + slot;
}

function bwrapArgs(spec: SandboxSpec, fileFds: number[], scriptFd: number): string[] {
  const args = [
    "--unshare-all",
    "--unshare-user",
    "--uid", String(SANDBOX_UID),
    "--gid", String(SANDBOX_UID),
    "--hostname", "sandbox",
    "--die-with-parent",
    "--new-session",
    "--cap-drop", "ALL",
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/bin", "/bin",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/sbin", "/sbin",
    "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
    "--ro-bind", "/etc/ld.so.conf", "/etc/ld.so.conf",
    "--ro-bind", "/etc/ld.so.conf.d", "/etc/ld.so.conf.d",
    "--ro-bind", "/etc/alternatives", "/etc/alternatives",
    "--proc", "/proc",
    "--dev", "/dev",
    "--size", String(spec.limits.tmpfsBytes),
    "--tmpfs", "/tmp",
    "--dir", WORK_DIR,
  ];
  for (const bind of spec.binds) args.push("--ro-bind", bind.source, bind.dest);
  spec.files.forEach((file, index) => args.push("--file", String(fileFds[index]), `${WORK_DIR}/${file.path}`));
  args.push("--file", String(scriptFd), "/tmp/.run.sh");
  args.push("--remount-ro", "/");
  args.push("/bin/sh", "/tmp/.run.sh");
  return args;
}

export function runSandbox(spec: SandboxSpec): Promise<SandboxOutcome> {
  const started = performance.now();
  const statusFd = 3;
  const fileFds = spec.files.map((_, index) => 4 + index);
  const scriptFd = 4 + spec.files.length;
  const stdio: StdioOptions = ["pipe", "pipe", "pipe", "pipe", ...spec.files.map(() => "pipe" as const), "pipe"];
  const uid = sandboxUid(spec.slot);
  const child: ChildProcess = spawn("bwrap", bwrapArgs(spec, fileFds, scriptFd), {
    stdio,
    env: spec.env as NodeJS.ProcessEnv,
    cwd: "/",
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });

  return new Promise((resolve) => {
    const cap = spec.limits.outputBytes;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let truncated = false;
    let killedForTime = false;
    let status = "";
    let runStartedAt: number | undefined;
    let settled = false;

    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    };
    const collect = (chunks: Buffer[], size: () => number, add: (n: number) => void) => (chunk: Buffer) => {
      const room = cap - size();
      if (room <= 0) {
        truncated = true;
        kill();
        return;
      }
      const kept = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
      chunks.push(kept);
      add(kept.byteLength);
      if (chunk.byteLength > room) {
        // A program that floods its output is stopped at once rather than left to fill the pipe for seconds.
        truncated = true;
        kill();
      }
    };
    child.stdout!.on("data", collect(out, () => outBytes, (n) => (outBytes += n)));
    child.stderr!.on("data", collect(err, () => errBytes, (n) => (errBytes += n)));
    const statusStream = child.stdio[statusFd] as NodeJS.ReadableStream;
    statusStream.on("data", (chunk: Buffer) => {
      status += chunk.toString("utf8");
      if (runStartedAt === undefined && status.includes("run-start")) runStartedAt = performance.now();
    });
    statusStream.on("error", () => {});

    spec.files.forEach((file, index) => {
      const stream = child.stdio[fileFds[index]!] as NodeJS.WritableStream;
      stream.on("error", () => {});
      stream.end(file.content);
    });
    const scriptStream = child.stdio[scriptFd] as NodeJS.WritableStream;
    scriptStream.on("error", () => {});
    scriptStream.end(script(spec));
    child.stdin!.on("error", () => {});
    child.stdin!.end(spec.stdin ?? "");

    const backstopMs = ((spec.compile ? spec.limits.compile.wallSeconds : 0) + spec.limits.run.wallSeconds + 3) * 1000;
    const timer = setTimeout(() => {
      killedForTime = true;
      kill();
    }, backstopMs);

    const finish = (code: number | null, spawnError?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const durationMs = Math.round(performance.now() - started);
      const compileMatch = /compile (\d+)/.exec(status);
      const runMatch = /run (\d+)/.exec(status);
      const phase = runStartedAt !== undefined ? "run" : compileMatch ? "compile" : "setup";
      let exitCode: number | null = runMatch ? Number(runMatch[1]) : compileMatch ? Number(compileMatch[1]) : code;
      const limits = phase === "compile" ? spec.limits.compile : spec.limits.run;
      const phaseMs = runStartedAt !== undefined ? performance.now() - runStartedAt : durationMs;
      // timeout(1) answers 124 after its TERM; SIGXCPU (152) and SIGKILL (137) come from the CPU limit. 124 alone
      // could be the program's own exit code, so it counts as a timeout only when the wall limit really passed.
      const timedOut =
        killedForTime ||
        exitCode === 152 ||
        (exitCode === 124 && phaseMs >= limits.wallSeconds * 1000 - 50) ||
        (exitCode === 137 && phaseMs >= limits.cpuSeconds * 1000);
      if (timedOut || (truncated && !runMatch)) exitCode = timedOut ? null : exitCode;
      let stderr = Buffer.concat(err).toString("utf8");
      if (spawnError) stderr += `\nThe sandbox could not start: ${spawnError.message}`;
      resolve({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr,
        exitCode: truncated && !runMatch ? null : exitCode,
        timedOut,
        truncated,
        durationMs,
        phase,
      });
    };
    child.on("error", (error) => finish(null, error));
    child.on("close", (code) => finish(code));
  });
}
