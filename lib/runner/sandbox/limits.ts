// Limits for one run. The compile phase gets more room than the learner's program: compilers are trusted code
// that legitimately needs memory and threads; the program they produce is not.

export type PhaseLimits = {
  /** Wall-clock seconds before the phase is stopped. */
  wallSeconds: number;
  /** CPU seconds (RLIMIT_CPU); the whole phase, all threads. */
  cpuSeconds: number;
  /** Address space in bytes (RLIMIT_AS): the cgroup-free stand-in for a memory limit. */
  memoryBytes: number;
  /** Processes and threads of the sandbox user (RLIMIT_NPROC). */
  processes: number;
  /** Largest file the phase may write (RLIMIT_FSIZE). */
  fileBytes: number;
};

export type SandboxLimits = {
  compile: PhaseLimits;
  run: PhaseLimits;
  /** Bytes kept per stream (stdout, stderr); past this the run is stopped and marked truncated. */
  outputBytes: number;
  /** Size of the private tmpfs the program works in. */
  tmpfsBytes: number;
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
    outputBytes: numberFromEnv("RUNNER_OUTPUT_KB", 128) * 1024,
    tmpfsBytes: 256 * MiB,
  };
}
