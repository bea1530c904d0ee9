import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, renameSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// Finds the toolchains and prepares what the sandbox mounts read-only: the Rust sysroot (hard-linked out of
// /root, which the sandbox user cannot traverse), Debian's packaged crates built once into rlibs, and a Go build
// cache holding the standard packages rebuilt for CGO_ENABLED=0. Each piece is built into a temporary folder and
// renamed into place, so a half-built cache is never mounted, and it survives restarts (checked by stamp files).

const execFileAsync = promisify(execFile);
type RunOptions = { cwd?: string; env?: Record<string, string>; maxBuffer?: number };

function run(file: string, args: string[], options: RunOptions = {}) {
  return execFileAsync(file, args, { ...options, env: options.env as NodeJS.ProcessEnv | undefined, encoding: "utf8" });
}

export const GO_GOPATH = "/usr/share/gocode";
export const RUST_DEPS_CRATES = ["tokio", "serde", "serde_json", "anyhow"] as const;

export function cacheRoot(): string {
  if (process.env.RUNNER_CACHE_DIR) return process.env.RUNNER_CACHE_DIR;
  return process.getuid?.() === 0 ? "/var/cache/backend-paths/runner" : path.join(os.tmpdir(), `backend-paths-runner-${process.getuid?.()}`);
}

const hostPath = ["/root/.cargo/bin", "/usr/local/bin", "/usr/bin", "/bin", process.env.PATH ?? ""].join(":");

function makeDirs(dir: string) {
  mkdirSync(dir, { recursive: true });
  // Every folder on the way must be traversable by the sandbox uid, or bwrap cannot bind it.
  for (let current = dir; current !== path.dirname(current) && current.startsWith(cacheRoot()); current = path.dirname(current)) {
    chmodSync(current, 0o755);
  }
}

async function which(command: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("sh", ["-c", `command -v ${command}`], { env: { PATH: hostPath } });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

async function replaceWhenBuilt(dest: string, build: (tmp: string) => Promise<void>) {
  const tmp = `${dest}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  makeDirs(path.dirname(dest));
  try {
    await build(tmp);
    rmSync(dest, { recursive: true, force: true });
    renameSync(tmp, dest);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export type RustToolchain = { sysroot: string; deps: string; externs: Record<string, string> };

async function prepareRust(): Promise<RustToolchain> {
  const root = path.join(cacheRoot(), "rust");
  const sysrootDest = path.join(root, "sysroot");
  const depsDir = path.join(root, "deps");
  const externsFile = path.join(root, "externs.json");
  const rustc = await which("rustc");
  if (!rustc) throw new Error("rustc is not installed");
  const { stdout: sysrootOut } = await run(rustc, ["--print", "sysroot"], { env: { PATH: hostPath, HOME: os.homedir() } });
  const sysroot = sysrootOut.trim();
  const { stdout: version } = await run(rustc, ["--version"], { env: { PATH: hostPath, HOME: os.homedir() } });
  const stampFile = path.join(root, "stamp");
  const stamp = `${sysroot}\n${version.trim()}\n${RUST_DEPS_CRATES.join(",")}\n`;
  const ready = existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(externsFile);
  if (ready) {
    return { sysroot: sysrootDest, deps: depsDir, externs: JSON.parse(readFileSync(externsFile, "utf8")) };
  }
  makeDirs(root);
  await replaceWhenBuilt(sysrootDest, async (tmp) => {
    // Hard links cost nothing on the same file system; a plain copy is the fallback across file systems.
    await run("cp", ["-al", sysroot, tmp]).catch(() => run("cp", ["-a", sysroot, tmp]));
  });
  const project = path.join(root, "project");
  makeDirs(path.join(project, "src"));
  makeDirs(path.join(project, ".cargo"));
  writeFileSync(
    path.join(project, "Cargo.toml"),
    `[package]\nname = "runner-deps"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n` +
      `tokio = { version = "1", features = ["full"] }\nserde = { version = "1", features = ["derive"] }\n` +
      `serde_json = "1"\nanyhow = "1"\n`,
  );
  writeFileSync(
    path.join(project, ".cargo", "config.toml"),
    `[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n`,
  );
  writeFileSync(path.join(project, "src", "main.rs"), "fn main() {}\n");
  const cargo = (await which("cargo")) ?? "cargo";
  const { stdout } = await run(cargo, ["build", "--release", "--offline", "--message-format=json"], {
    cwd: project,
    env: { PATH: hostPath, HOME: os.homedir(), CARGO_HOME: path.join(root, "cargo-home"), CARGO_TARGET_DIR: path.join(project, "target") },
    maxBuffer: 64 * 1024 * 1024,
  });
  const externs: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line) as { reason?: string; target?: { name?: string; kind?: string[] }; filenames?: string[] };
    const name = message.target?.name;
    if (message.reason !== "compiler-artifact" || !name || !(RUST_DEPS_CRATES as readonly string[]).includes(name)) continue;
    const rlib = message.filenames?.find((file) => file.endsWith(".rlib"));
    if (rlib) externs[name] = path.basename(rlib);
  }
  const missing = RUST_DEPS_CRATES.filter((name) => !externs[name]);
  if (missing.length) throw new Error(`cargo did not build ${missing.join(", ")}`);
  await replaceWhenBuilt(depsDir, async (tmp) => {
    await run("cp", ["-a", path.join(project, "target", "release", "deps"), tmp]);
  });
  writeFileSync(externsFile, JSON.stringify(externs));
  writeFileSync(stampFile, stamp);
  return { sysroot: sysrootDest, deps: depsDir, externs };
}

export type GoToolchain = { cache: string };

/** A program importing what lessons use, so their packages are in the cache before anyone asks. */
const GO_WARM_PROGRAM = `package main

import (
\t"bufio"
\t"context"
\t"encoding/json"
\t"fmt"
\t"net/http"
\t"os"
\t"sort"
\t"strconv"
\t"strings"
\t"sync"
\t"time"

\t"golang.org/x/sync/errgroup"
)

func main() {
\tvar g errgroup.Group
\tvar mu sync.Mutex
\tg.Go(func() error { mu.Lock(); defer mu.Unlock(); return nil })
\t_ = g.Wait()
\t_, _ = json.Marshal(map[string]int{"a": 1})
\t_ = http.StatusOK
\tfmt.Fprintln(bufio.NewWriter(os.Stdout), context.Background(), sort.IntsAreSorted(nil), strconv.Itoa(1), strings.ToUpper("x"), time.Now())
}
`;

export const GO_ENV = { GO111MODULE: "off", GOPATH: GO_GOPATH, GOPROXY: "off", GOFLAGS: "", CGO_ENABLED: "0", GOTOOLCHAIN: "local" };

async function prepareGo(): Promise<GoToolchain> {
  const root = path.join(cacheRoot(), "go");
  const cache = path.join(root, "cache");
  const go = await which("go");
  if (!go) throw new Error("the Go toolchain is not installed");
  const { stdout: version } = await run(go, ["version"], { env: { PATH: hostPath } });
  const stampFile = path.join(root, "stamp");
  const stamp = `${version.trim()}\n${GO_WARM_PROGRAM.length}\n`;
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(cache)) return { cache };
  makeDirs(root);
  await replaceWhenBuilt(cache, async (tmp) => {
    const work = `${tmp}-src`;
    makeDirs(work);
    writeFileSync(path.join(work, "main.go"), GO_WARM_PROGRAM);
    try {
      await run(go, ["build", "-o", path.join(work, "prog"), "main.go"], {
        cwd: work,
        env: { PATH: hostPath, HOME: work, GOCACHE: tmp, ...GO_ENV },
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    await run("chmod", ["-R", "a+rX", tmp]);
  });
  writeFileSync(stampFile, stamp);
  return { cache };
}

export type Toolchains = {
  node?: string;
  python?: string;
  go?: GoToolchain;
  rust?: RustToolchain;
  problems: Partial<Record<"javascript" | "python" | "go" | "rust" | "sandbox", string>>;
};

let preparing: Promise<Toolchains> | undefined;

/** Prepared once per process; concurrent callers share the same promise (the lock). */
export function prepareToolchains(): Promise<Toolchains> {
  preparing ??= (async () => {
    const problems: Toolchains["problems"] = {};
    if (!(await which("bwrap"))) problems.sandbox = "bubblewrap is not installed (apt-get install -y bubblewrap)";
    const node = existsSync("/usr/bin/node") ? "/usr/bin/node" : undefined;
    if (!node) problems.javascript = "node is not installed under /usr/bin";
    const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : undefined;
    if (!python) problems.python = "python3 is not installed (apt-get install -y python3)";
    const [go, rust] = await Promise.allSettled([prepareGo(), prepareRust()]);
    if (go.status === "rejected") problems.go = `Go is not available: ${firstLine(go.reason)}`;
    if (rust.status === "rejected") problems.rust = `Rust is not available: ${firstLine(rust.reason)}`;
    return {
      node,
      python,
      go: go.status === "fulfilled" ? go.value : undefined,
      rust: rust.status === "fulfilled" ? rust.value : undefined,
      problems,
    };
  })();
  return preparing;
}

function firstLine(reason: unknown): string {
  const text = reason instanceof Error ? reason.message : String(reason);
  return text.split("\n")[0]!.slice(0, 300);
}
