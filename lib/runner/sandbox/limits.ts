import { runnerSettings } from "../settings";

// Limits for one run. The compile phase gets more room than the learner's program: compilers are trusted code
// that legitimately needs memory and threads; the program they produce is not.

export type PhaseLimits = {
  /** Wall-clock seconds before the phase is stopped. */
  wallSeconds: number;
  /** CPU seconds: per process (RLIMIT_CPU) and, with a cgroup, for all the phase's processes together. */
  cpuSeconds: number;
  /** Address space in bytes (RLIMIT_AS): the cgroup-free stand-in for a memory limit. */
  memoryBytes: number;
  /** Processes and threads of the sandbox user (RLIMIT_NPROC). */
  processes: number;
  /** Largest file the phase may write (RLIMIT_FSIZE). */
  fileBytes: number;
};

/** What the whole run may use together, every process and both phases (the run's cgroup; see cgroup.ts). */
export type GroupLimits = {
  /** Memory in bytes: pages, tmpfs files and kernel memory (inodes, page tables) of every process. */
  memoryBytes: number;
  /** Processes and threads at once. */
  processes: number;
  /** Share of the machine: CPUs' worth of time per period (the CFS quota). */
  cpus: number;
};

export type SandboxLimits = {
  compile: PhaseLimits;
  run: PhaseLimits;
  group: GroupLimits;
  /** Bytes kept per stream (stdout, stderr); past this the run is stopped and marked truncated. */
  outputBytes: number;
  /** Size of the private tmpfs the program works in (/tmp and /dev/shm share it). */
  tmpfsBytes: number;
  /** Files and folders the private tmpfs may hold: without this a loop of mkdir costs kernel memory unseen. */
  tmpfsInodes: number;
};

const MiB = 1024 * 1024;

export function defaultLimits(): SandboxLimits {
  const s = runnerSettings();
  return {
    compile: { wallSeconds: s.compileWallSeconds, cpuSeconds: 60, memoryBytes: 4096 * MiB, processes: 256, fileBytes: 256 * MiB },
    run: {
      wallSeconds: s.wallSeconds,
      cpuSeconds: s.cpuSeconds,
      memoryBytes: s.memoryMb * MiB,
      processes: 64,
      fileBytes: 16 * MiB,
    },
    group: {
      // A Rust build against tokio and a Go build of net/http each fit in 128 MiB; the work tmpfs is charged here too.
      memoryBytes: s.groupMemoryMb * MiB,
      processes: 256,
      cpus: s.groupCpus,
    },
    outputBytes: s.outputKb * 1024,
    tmpfsBytes: 256 * MiB,
    tmpfsInodes: 16384,
  };
}
