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

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function defaultLimits(): SandboxLimits {
  return {
    compile: { wallSeconds: numberFromEnv("RUNNER_COMPILE_WALL_SECONDS", 30), cpuSeconds: 60, memoryBytes: 4096 * MiB, processes: 256, fileBytes: 256 * MiB },
    run: {
      wallSeconds: numberFromEnv("RUNNER_WALL_SECONDS", 10),
      cpuSeconds: numberFromEnv("RUNNER_CPU_SECONDS", 5),
      // Node's V8 reserves about 1 GiB of address space up front, so less than this cannot start node at all.
      memoryBytes: numberFromEnv("RUNNER_MEMORY_MB", 1280) * MiB,
      processes: 64,
      fileBytes: 16 * MiB,
    },
    group: {
      // A Rust build against tokio and a Go build of net/http each fit in 128 MiB; the work tmpfs is charged here too.
      memoryBytes: numberFromEnv("RUNNER_GROUP_MEMORY_MB", 512) * MiB,
      processes: 256,
      cpus: numberFromEnv("RUNNER_GROUP_CPUS", 1),
    },
    outputBytes: numberFromEnv("RUNNER_OUTPUT_KB", 128) * 1024,
    tmpfsBytes: 256 * MiB,
    tmpfsInodes: 16384,
  };
}
