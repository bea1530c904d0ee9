import { spawnSync } from "node:child_process";

export type RunnerStatus = { status: "available" } | { status: "unavailable"; reason: string };
export type RunnerLanguage = "javascript" | "python" | "go" | "rust";

function probe(command: string, args: string[], missing: string): RunnerStatus {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 5000 });
  return result.status === 0 ? { status: "available" } : { status: "unavailable", reason: missing };
}

/** Which languages can run on this server right now, and why not where they cannot. */
export function runnerHealth(): Record<RunnerLanguage, RunnerStatus> {
  const sandbox = probe("bwrap", ["--version"], "bubblewrap is not installed (apt-get install -y bubblewrap)");
  const withSandbox = (status: RunnerStatus): RunnerStatus => (sandbox.status === "available" ? status : sandbox);
  return {
    javascript: withSandbox(probe(process.execPath, ["--version"], "node is not runnable")),
    python: withSandbox(probe("python3", ["--version"], "python3 is not installed (apt-get install -y python3)")),
    go: withSandbox(probe("go", ["version"], "the Go toolchain is not installed (apt-get install -y golang-go)")),
    rust: withSandbox(probe("rustc", ["--version"], "rustc is not on PATH (install Rust, or apt-get install -y rustc)")),
  };
}
