import "server-only";
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { createWriteStream } from "node:fs";
import { runGroup, type RunGroup } from "./cgroup";
import { prepareIsolation, type Isolation } from "./isolation";
import type { PhaseLimits, SandboxLimits } from "./limits";
import { runnerSettings } from "../settings";

// The only place that starts learner code. One bubblewrap sandbox per run:
//  - every namespace unshared (user, pid, net, ipc, uts, cgroup): no network at all, loopback included, because the
//    sandbox's loopback is its own empty one; no further user namespace (--disable-userns) and a seccomp filter
//    (seccomp-filter.py) against namespaces, mounts, BPF, tracing and the rest of the kernel a program never needs;
//  - the host tree is absent except read-only binds of /usr, the few /etc files the dynamic linker needs, and the
//    toolchain caches; the app's folder, its .env.local, data/ and every home directory are simply not there;
//  - /dev is read-only and holds only null, zero, full, random and urandom;
//  - one private tmpfs, sized and with an inode limit, is the only writable place (/tmp, and /dev/shm inside it);
//  - an unprivileged user: bwrap is started under a dedicated host uid (one per queue slot, so RLIMIT_NPROC counts
//    each slot separately) and shows it as 65534 inside;
//  - a cgroup per run (cgroup.ts) bounds memory, processes and CPU of the run as a whole; rlimits per phase via
//    prlimit still bound each process, wall time via timeout, and a backstop timer here kills everything;
//  - no descriptor of the server's but stdio reaches the program.
// As root, a small bash wrapper does what needs root before any learner code exists: it joins the run's cgroup,
// mounts the tmpfs in a mount namespace of its own (so it vanishes with the run, whatever happens to the server),
// closes stray descriptors, and drops to the slot's uid for bwrap. Without root it only closes descriptors, and the
// sandbox falls back to rlimits and bwrap's own tmpfs (see isolation.ts).

export type SandboxFile = { path: string; content: string };
export type SandboxBind = { source: string; dest: string };

export type SandboxSpec = {
  files: SandboxFile[];
  /** argv of the compile step, run in WORK_DIR; a non-zero exit ends the run with the compiler's output. */
  compile?: string[];
  /**
   * A file (in WORK_DIR) the compile step writes, copied to the host file `into` as it is sent back when the compile
   * succeeds (the outcome says `captured`).
   */
  capture?: { file: string; into: string };
  run: string[];
  env: Record<string, string>;
  binds: SandboxBind[];
  stdin?: string;
  limits: SandboxLimits;
  /** Queue slot: picks the host uid. */
  slot: number;
  /** Told as each phase starts, from the sandbox's own status lines; "running" brings the compile step's time. */
  onPhase?: (phase: "compiling" | "running", compileMs?: number) => void;
};

export type SandboxOutcome = {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
  truncated: boolean;
  durationMs: number;
  /** The compile step's own time, from its start to the program's start (or to the end when it failed). */
  compileMs?: number;
  /** The program's own time, from its start to its end: what a learner compares across languages. */
  runMs?: number;
  phase: "setup" | "compile" | "run";
  /** SandboxSpec.capture's file arrived whole, taken before the program started (not when the compile failed). */
  captured?: boolean;
};

export const WORK_DIR = "/tmp/w";
const SANDBOX_UID = 65534;
/** The status lines' descriptor and the captured artifact's; the learner's processes get neither. */
const STATUS_FD = 3;
const ARTIFACT_FD = 4;
/** Larger artifacts are not kept: this bounds the disk a run can take (lesson binaries are under 10 MiB). */
const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;

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
  return `timeout -k 1 ${limits.wallSeconds} prlimit ${rlimits.join(" ")} -- ${argv.map(shellQuote).join(" ")} ${STATUS_FD}>&- ${ARTIFACT_FD}>&-`;
}

/**
 * The script bwrap runs. It reports phase results on STATUS_FD and sends the compiled file on ARTIFACT_FD, which it
 * closes before the program starts: what comes back is the compiler's output, never something the program wrote.
 */
function script(spec: SandboxSpec): string {
  const lines = ["cd " + WORK_DIR];
  if (spec.compile) {
    lines.push('echo "compile-start" >&3');
    lines.push(`${limited(spec.limits.compile, spec.compile)} </dev/null`);
    lines.push('rc=$?; if [ "$rc" -ne 0 ]; then echo "compile $rc" >&3; exit "$rc"; fi');
    if (spec.capture) lines.push(`cat ${shellQuote(spec.capture.file)} >&${ARTIFACT_FD} && echo "captured" >&3`);
  }
  lines.push(`exec ${ARTIFACT_FD}>&-`);
  lines.push('echo "run-start" >&3');
  lines.push(limited(spec.limits.run, spec.run));
  lines.push('rc=$?; echo "run $rc" >&3; exit "$rc"');
  return lines.join("\n") + "\n";
}

export function sandboxUid(slot: number): number | undefined {
  // Only root can start bwrap under another uid; elsewhere (a developer's laptop, CI) it runs as the caller,
  // still inside its own user namespace.
  if (process.getuid?.() !== 0) return undefined;
  return runnerSettings().uidBase + slot;
}

const DEVICES = ["null", "zero", "full", "random", "urandom"];
/** /dev/shm when the work tmpfs is bubblewrap's (not root): a tmpfs of its own, small. */
const FALLBACK_SHM_BYTES = 16 * 1024 * 1024;

type Fds = { status: number; artifact: number; files: number[]; script: number; seccomp?: number };

function bwrapArgs(spec: SandboxSpec, fds: Fds, isolation: Isolation): string[] {
  const args = [
    "--unshare-all",
    "--unshare-user",
    "--disable-userns",
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
  ];
  // /dev is a folder of the root tmpfs, read-only with it at the end; only the harmless devices are bound in.
  for (const device of DEVICES) args.push("--dev-bind", `/dev/${device}`, `/dev/${device}`);
  args.push("--symlink", "/proc/self/fd", "/dev/fd");
  ["stdin", "stdout", "stderr"].forEach((name, fd) => args.push("--symlink", `/proc/self/fd/${fd}`, `/dev/${name}`));
  if (isolation.scratchDir) {
    args.push("--bind", `${isolation.scratchDir}/tmp`, "/tmp", "--bind", `${isolation.scratchDir}/shm`, "/dev/shm");
  } else {
    args.push("--size", String(spec.limits.tmpfsBytes), "--tmpfs", "/tmp", "--size", String(FALLBACK_SHM_BYTES), "--tmpfs", "/dev/shm");
  }
  args.push("--dir", WORK_DIR);
  for (const bind of spec.binds) args.push("--ro-bind", bind.source, bind.dest);
  spec.files.forEach((file, index) => args.push("--file", String(fds.files[index]), `${WORK_DIR}/${file.path}`));
  args.push("--file", String(fds.script), "/tmp/.run.sh");
  if (fds.seccomp !== undefined) args.push("--seccomp", String(fds.seccomp));
  args.push("--remount-ro", "/");
  args.push("/bin/sh", "/tmp/.run.sh");
  return args;
}

/** The bash wrapper that starts bwrap (see the top of this file); bwrap's arguments follow as "$@". */
function wrapperScript(keep: number[], isolation: Isolation, group: RunGroup | undefined, spec: SandboxSpec, uid: number | undefined): string {
  // Descriptors the server leaked without close-on-exec would reach the program through bwrap, which keeps them.
  const lines = [
    "set -e",
    `for fd in /proc/$$/fd/*; do n=\${fd##*/}; case " ${keep.join(" ")} " in *" $n "*) ;; *) exec {n}>&- ;; esac; done`,
  ];
  for (const file of group?.procsFiles ?? []) lines.push(`echo $$ > ${shellQuote(file)}`);
  if (isolation.scratchDir && uid !== undefined) {
    const dir = shellQuote(isolation.scratchDir);
    const options = `size=${spec.limits.tmpfsBytes},nr_inodes=${spec.limits.tmpfsInodes},mode=0755,nosuid,nodev`;
    lines.push(`mount -t tmpfs -o ${options} tmpfs ${dir}`, `install -d -o ${uid} -g ${uid} -m 0755 ${dir}/tmp ${dir}/shm`);
  }
  lines.push(uid === undefined ? 'exec bwrap "$@"' : `exec setpriv --reuid=${uid} --regid=${uid} --clear-groups -- bwrap "$@"`);
  return lines.join("\n");
}

function setupFailure(message: string): SandboxOutcome {
  return { stdout: "", stderr: `The sandbox could not start: ${message}`, exitCode: null, timedOut: false, truncated: false, durationMs: 0, phase: "setup" };
}

export async function runSandbox(spec: SandboxSpec): Promise<SandboxOutcome> {
  const isolation = await prepareIsolation();
  let group: RunGroup | undefined;
  try {
    group = runGroup(spec.limits.group);
  } catch (error) {
    // Never run without the group the host was found to support: that would quietly lift the limits.
    return setupFailure(error instanceof Error ? error.message : String(error));
  }
  try {
    return await spawnSandbox(spec, isolation, group);
  } finally {
    await group?.remove();
  }
}

function spawnSandbox(spec: SandboxSpec, isolation: Isolation, group: RunGroup | undefined): Promise<SandboxOutcome> {
  const started = performance.now();
  const firstFile = ARTIFACT_FD + 1;
  const scriptFd = firstFile + spec.files.length;
  const fds: Fds = {
    status: STATUS_FD,
    artifact: ARTIFACT_FD,
    files: spec.files.map((_, index) => firstFile + index),
    script: scriptFd,
    seccomp: isolation.seccomp ? scriptFd + 1 : undefined,
  };
  const stdio: StdioOptions = ["pipe", "pipe", "pipe", "pipe", "pipe", ...spec.files.map(() => "pipe" as const), "pipe"];
  if (isolation.seccomp) stdio.push("pipe");
  const uid = sandboxUid(spec.slot);
  const keep = Array.from({ length: stdio.length }, (_, fd) => fd);
  const bash = ["/bin/bash", "-c", wrapperScript(keep, isolation, group, spec, uid), "bash", ...bwrapArgs(spec, fds, isolation)];
  // The tmpfs is mounted in a mount namespace of the run's own, so no host mount outlives it.
  const [command, ...args] = isolation.scratchDir && uid !== undefined ? ["unshare", "--mount", "--propagation", "private", "--", ...bash] : bash;
  const child: ChildProcess = spawn(command!, args, { stdio, env: spec.env as NodeJS.ProcessEnv, cwd: "/" });

  return new Promise((resolve) => {
    const cap = spec.limits.outputBytes;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let truncated = false;
    let killedForTime = false;
    let status = "";
    // Phase marks as the status lines arrive: bwrap's setup and teardown belong to neither phase.
    let compileStartedAt: number | undefined;
    let runStartedAt: number | undefined;
    let endedAt: number | undefined;
    let runCpuStart = 0;
    let settled = false;

    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      group?.killAll();
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
    const cpuSeconds = () => {
      try {
        return group?.cpuSeconds() ?? 0;
      } catch {
        return 0;
      }
    };
    const oomKills = () => {
      try {
        return group?.oomKills() ?? 0;
      } catch {
        return 0;
      }
    };
    child.stdout!.on("data", collect(out, () => outBytes, (n) => (outBytes += n)));
    child.stderr!.on("data", collect(err, () => errBytes, (n) => (errBytes += n)));
    const statusStream = child.stdio[fds.status] as NodeJS.ReadableStream;
    statusStream.on("data", (chunk: Buffer) => {
      status += chunk.toString("utf8");
      const now = performance.now();
      // One chunk may hold both lines (a compile that fails fast never says run-start): each phase is told once, in order.
      if (compileStartedAt === undefined && status.includes("compile-start")) {
        compileStartedAt = now;
        spec.onPhase?.("compiling");
      }
      if (runStartedAt === undefined && status.includes("run-start")) {
        runStartedAt = now;
        runCpuStart = cpuSeconds();
        spec.onPhase?.("running", compileStartedAt === undefined ? undefined : Math.round(now - compileStartedAt));
      }
      if (endedAt === undefined && /(compile|run) \d+/.test(status)) endedAt = now;
    });
    statusStream.on("error", () => {});
    // The artifact goes to its file as it arrives, so the server never holds a binary in memory.
    const artifact = spec.capture && { writer: createWriteStream(spec.capture.into), bytes: 0, failed: false };
    const artifactStream = child.stdio[fds.artifact] as NodeJS.ReadableStream;
    artifactStream.on("data", (chunk: Buffer) => {
      if (!artifact) return;
      artifact.bytes += chunk.byteLength;
      if (artifact.bytes <= MAX_ARTIFACT_BYTES) artifact.writer.write(chunk);
    });
    artifactStream.on("error", () => {});
    artifact?.writer.on("error", () => (artifact.failed = true));

    const send = (fd: number, content: string | Buffer) => {
      const stream = child.stdio[fd] as NodeJS.WritableStream;
      stream.on("error", () => {});
      stream.end(content);
    };
    spec.files.forEach((file, index) => send(fds.files[index]!, file.content));
    send(fds.script, script(spec));
    if (fds.seccomp !== undefined) send(fds.seccomp, isolation.seccomp!);
    child.stdin!.on("error", () => {});
    child.stdin!.end(spec.stdin ?? "");

    const backstopMs = ((spec.compile ? spec.limits.compile.wallSeconds : 0) + spec.limits.run.wallSeconds + 3) * 1000;
    const timer = setTimeout(() => {
      killedForTime = true;
      kill();
    }, backstopMs);
    // RLIMIT_CPU counts per process; the group's usage is the run's total, so four spinning processes share one budget.
    const cpuWatch = group
      ? setInterval(() => {
          const phase = runStartedAt === undefined ? (spec.compile ? spec.limits.compile : spec.limits.run) : spec.limits.run;
          if (cpuSeconds() - runCpuStart > phase.cpuSeconds) {
            killedForTime = true;
            kill();
          }
        }, 200)
      : undefined;

    const finish = (code: number | null, spawnError?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(cpuWatch);
      const now = performance.now();
      const durationMs = Math.round(now - started);
      // A killed phase never reports its end: it ended when the sandbox did.
      const end = endedAt ?? now;
      const compileMs = compileStartedAt === undefined ? undefined : Math.round((runStartedAt ?? end) - compileStartedAt);
      const runMs = runStartedAt === undefined ? undefined : Math.round(end - runStartedAt);
      const compileMatch = /compile (\d+)/.exec(status);
      const runMatch = /run (\d+)/.exec(status);
      const phase = runStartedAt !== undefined ? "run" : compileMatch ? "compile" : "setup";
      let exitCode: number | null = runMatch ? Number(runMatch[1]) : compileMatch ? Number(compileMatch[1]) : code;
      const limits = phase === "compile" ? spec.limits.compile : spec.limits.run;
      const phaseMs = runStartedAt !== undefined ? now - runStartedAt : durationMs;
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
      if (oomKills() > 0) {
        stderr += `\nThe program was stopped: together its processes and files used more than the run's ${spec.limits.group.memoryBytes >> 20} MiB of memory.`;
      }
      const outcome: SandboxOutcome = {
        stdout: Buffer.concat(out).toString("utf8"),
        stderr,
        exitCode: truncated && !runMatch ? null : exitCode,
        timedOut,
        truncated,
        durationMs,
        compileMs,
        runMs,
        phase,
      };
      if (!artifact) return resolve(outcome);
      // "close" comes once every pipe has ended, so a capture the script confirmed has been read whole by now.
      const whole = status.includes("captured") && artifact.bytes <= MAX_ARTIFACT_BYTES;
      artifact.writer.end(() => resolve({ ...outcome, captured: whole && !artifact.failed }));
      artifact.writer.once("error", () => resolve({ ...outcome, captured: false }));
    };
    child.on("error", (error) => finish(null, error));
    child.on("close", (code) => finish(code));
  });
}
