import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { cacheRoot } from "./toolchains";

// The seccomp filter bwrap installs before it starts the learner's program (rules in seccomp-filter.py). It is
// compiled by Debian's libseccomp once, cached under a name that changes with the rules, and read into memory.

const execFileAsync = promisify(execFile);
const SOURCE = path.join(process.cwd(), "lib/runner/sandbox/seccomp-filter.py");
// Debian's interpreter, where python3-seccomp is installed; a python3 earlier on PATH (pyenv) would not have it.
const PYTHON = "/usr/bin/python3";

export type SeccompFilter = { bpf: Buffer } | { bpf?: undefined; reason: string };

async function build(): Promise<SeccompFilter> {
  try {
    const rules = readFileSync(SOURCE);
    const file = path.join(cacheRoot(), "seccomp", `${createHash("sha256").update(rules).digest("hex").slice(0, 16)}.bpf`);
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.tmp-${process.pid}`;
      await execFileAsync(PYTHON, ["-I", SOURCE, tmp]);
      renameSync(tmp, file);
    }
    return { bpf: readFileSync(file) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error);
    return { reason: `the seccomp filter could not be built (apt-get install -y python3-seccomp): ${message}` };
  }
}

let building: Promise<SeccompFilter> | undefined;

/** The compiled filter, built once per process; without it runs go on unfiltered and health says so. */
export function seccompFilter(): Promise<SeccompFilter> {
  building ??= build();
  return building;
}
