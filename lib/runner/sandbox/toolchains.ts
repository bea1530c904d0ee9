import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, renameSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { lock } from "proper-lockfile";
import { promisify } from "node:util";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import { runnerSettings } from "../settings";
import { alive } from "./cgroup";
import { installedNodePackages } from "./node-packages";

// Finds the toolchains and prepares what the sandbox mounts read-only: the Rust sysroot (hard-linked out of
// /root, which the sandbox user cannot traverse), Debian's packaged crates built once into rlibs, and a Go build
// cache holding Debian's packaged Go libraries (chi, gin, x/sync, go-sqlite3). Each piece is built into a temporary
// folder and renamed into place, so a half-built cache is never mounted, and it survives restarts (stamp files hold
// the toolchain's version and the installed packages', so an upgrade rebuilds it).

const execFileAsync = promisify(execFile);
type RunOptions = { cwd?: string; env?: Record<string, string>; maxBuffer?: number };

function run(file: string, args: string[], options: RunOptions = {}) {
  return execFileAsync(file, args, { ...options, env: options.env as NodeJS.ProcessEnv | undefined, encoding: "utf8" });
}

export const GO_GOPATH = "/usr/share/gocode";
export const RUST_DEPS_CRATES = ["tokio", "serde", "serde_json", "anyhow", "hyper", "tower", "rusqlite"] as const;
/** Debian's crates (hyper 0.14, tower 0.4, rusqlite 0.28 on the system libsqlite3), with every feature a lesson may use. */
const RUST_DEPENDENCIES = `tokio = { version = "1", features = ["full"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
anyhow = "1"
hyper = { version = "0.14", features = ["full"] }
tower = { version = "0.4", features = ["full"] }
rusqlite = "0.28"
`;

export function cacheRoot(): string {
  return runnerSettings().cacheDir;
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

/**
 * Installed Debian packages matching a pattern, with versions: part of a cache's stamp, so an upgraded library
 * (or one of its dependencies) rebuilds the cache at the next start.
 */
async function installedVersions(pattern: string): Promise<string> {
  try {
    const { stdout } = await run("dpkg-query", ["-W", "-f", "${Package} ${Version}\\n", pattern], { env: { PATH: hostPath } });
    return stdout.split("\n").sort().join("\n");
  } catch {
    return "";
  }
}

/**
 * Builds a cache once across processes: the server, test workers and content:check may all start on an empty cache
 * at once, and two builders would replace the same folder under each other's runs. Whoever takes the lock builds;
 * the others wait (a Rust build takes minutes), then find the stamp current. A builder that dies leaves a stale lock,
 * taken over after a minute.
 */
export async function buildOnce<T>(root: string, ready: () => T | undefined, build: () => Promise<T>): Promise<T> {
  const done = ready();
  if (done) return done;
  makeDirs(root);
  const release = await lock(root, { realpath: false, stale: 60_000, retries: { retries: 900, factor: 1, minTimeout: 1000, maxTimeout: 1000 } });
  try {
    return ready() ?? (await build());
  } finally {
    await release();
  }
}

/** Folders a builder left when it was killed mid-build (`<dest>.tmp-<pid>`, and Go's "-src" beside): 100 MiB each. */
function sweepAbandoned(dest: string) {
  const dir = path.dirname(dest);
  const prefix = `${path.basename(dest)}.tmp-`;
  for (const name of readdirSync(dir)) {
    const pid = name.startsWith(prefix) ? Number(/^\d+/.exec(name.slice(prefix.length))?.[0]) : NaN;
    if (pid && pid !== process.pid && !alive(pid)) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

async function replaceWhenBuilt(dest: string, build: (tmp: string) => Promise<void>) {
  const tmp = `${dest}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  makeDirs(path.dirname(dest));
  sweepAbandoned(dest);
  try {
    await build(tmp);
    rmSync(dest, { recursive: true, force: true });
    renameSync(tmp, dest);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Seconds a first build of each cache usually takes, until this machine has measured its own: Go about 40 s
 * (gin's dependency tree, then go-sqlite3's cgo), Rust about 2 minutes (Debian's crates).
 */
export const TYPICAL_BUILD_SECONDS: Record<Compiled, number> = { go: 60, rust: 150 };
const BUILD_SECONDS_FILE = "build-seconds";

/** Builds and writes beside the stamp how long it took, so the next first start can say how long to wait. */
async function timed<T>(root: string, build: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await build();
  writeFileSync(path.join(root, BUILD_SECONDS_FILE), String(Math.round((Date.now() - started) / 1000)));
  return value;
}

/** How long building this cache took here last time, else the documented default. */
export function typicalBuildSeconds(language: Compiled): number {
  try {
    const measured = Number(readFileSync(path.join(cacheRoot(), language, BUILD_SECONDS_FILE), "utf8"));
    if (Number.isFinite(measured) && measured > 0) return measured;
  } catch {}
  return TYPICAL_BUILD_SECONDS[language];
}

/** `identity` changes whenever the compiler or a library it links may have (a hash of the cache's stamp). */
export type RustToolchain = { sysroot: string; deps: string; externs: Record<string, string>; identity: string };

function identityOf(stamp: string): string {
  return createHash("sha256").update(stamp).digest("hex");
}

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
  const stamp = `${sysroot}\n${version.trim()}\n${RUST_DEPENDENCIES}${await installedVersions("librust-*")}`;
  const ready = () =>
    existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(externsFile)
      ? { sysroot: sysrootDest, deps: depsDir, externs: JSON.parse(readFileSync(externsFile, "utf8")) as Record<string, string>, identity: identityOf(stamp) }
      : undefined;
  return buildOnce(root, ready, () => timed(root, () => buildRust({ root, sysroot, sysrootDest, depsDir, externsFile, stampFile, stamp })));
}

type RustBuild = { root: string; sysroot: string; sysrootDest: string; depsDir: string; externsFile: string; stampFile: string; stamp: string };

async function buildRust({ root, sysroot, sysrootDest, depsDir, externsFile, stampFile, stamp }: RustBuild): Promise<RustToolchain> {
  await replaceWhenBuilt(sysrootDest, async (tmp) => {
    // Hard links cost nothing on the same file system; a plain copy is the fallback across file systems.
    await run("cp", ["-al", sysroot, tmp]).catch(() => run("cp", ["-a", sysroot, tmp]));
  });
  const project = path.join(root, "project");
  makeDirs(path.join(project, "src"));
  makeDirs(path.join(project, ".cargo"));
  writeFileSync(
    path.join(project, "Cargo.toml"),
    `[package]\nname = "runner-deps"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${RUST_DEPENDENCIES}`,
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
  return { sysroot: sysrootDest, deps: depsDir, externs, identity: identityOf(stamp) };
}

/** `identity`: as RustToolchain's. */
export type GoToolchain = { cache: string; identity: string };

/**
 * Every library package lessons import, so all of them are compiled into the cache before anyone asks. The standard
 * library needs no warming: with cgo on (go-sqlite3 needs it) Go uses the archives Debian ships in GOROOT/pkg.
 */
const GO_WARM_PROGRAM = `package main

import (
\t_ "database/sql"
\t_ "encoding/json"
\t_ "net/http"
\t_ "net/http/httptest"

\t_ "github.com/gin-gonic/gin"
\t_ "github.com/go-chi/chi/v5"
\t_ "github.com/go-chi/chi/v5/middleware"
\t_ "github.com/mattn/go-sqlite3"
\t_ "golang.org/x/sync/errgroup"
\t_ "golang.org/x/sync/semaphore"
\t_ "golang.org/x/sync/singleflight"
)

func main() {}
`;

// GOPATH mode, offline, on Debian's packaged sources. A program is built as package "play" inside a GOPATH of its
// own with a go.mod: only such code gets Go's "minimal module compatibility", which reads chi's import path
// github.com/go-chi/chi/v5 as the packaged github.com/go-chi/chi (whose go.mod names it so).
const GO_PACKAGE = "play";
export const GO_MODULE_FILE = `module ${GO_PACKAGE}\n`;
export function goEnv(gopath: string) {
  return { GO111MODULE: "off", GOPATH: `${gopath}:${GO_GOPATH}`, GOPROXY: "off", GOFLAGS: "", CGO_ENABLED: "1", GOTOOLCHAIN: "local" };
}
/** Where a program's sources go under `gopath`, so that it is package "play" of that GOPATH. */
export function goPackageDir(gopath: string): string {
  return path.posix.join(gopath, "src", GO_PACKAGE);
}

async function prepareGo(): Promise<GoToolchain> {
  const root = path.join(cacheRoot(), "go");
  const cache = path.join(root, "cache");
  const go = await which("go");
  if (!go) throw new Error("the Go toolchain is not installed");
  const { stdout: version } = await run(go, ["version"], { env: { PATH: hostPath } });
  const stampFile = path.join(root, "stamp");
  const stamp = `${version.trim()}\n${GO_WARM_PROGRAM}${await installedVersions("golang-*")}`;
  const toolchain = { cache, identity: identityOf(stamp) };
  const ready = () => (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(cache) ? toolchain : undefined);
  return buildOnce(root, ready, () =>
    timed(root, async () => {
      await buildGoCache(go, cache);
      writeFileSync(stampFile, stamp);
      return toolchain;
    }),
  );
}

async function buildGoCache(go: string, cache: string): Promise<void> {
  await replaceWhenBuilt(cache, async (tmp) => {
    const gopath = `${tmp}-src`;
    const dir = goPackageDir(gopath);
    makeDirs(dir);
    writeFileSync(path.join(dir, "main.go"), GO_WARM_PROGRAM);
    writeFileSync(path.join(dir, "go.mod"), GO_MODULE_FILE);
    try {
      // About 40 s from empty here, most of it gin's dependency tree (validator, codecs), then go-sqlite3's cgo.
      await run(go, ["build", "-o", path.join(gopath, "prog"), "."], {
        cwd: dir,
        env: { PATH: hostPath, HOME: gopath, GOCACHE: tmp, ...goEnv(gopath) },
      });
    } finally {
      rmSync(gopath, { recursive: true, force: true });
    }
    await run("chmod", ["-R", "a+rX", tmp]);
  });
}

export type NodePackages = { dir: string; names: string[] };

/** The npm packages, hard-linked into the cache: the sandbox uid may not be able to reach the checkout itself. */
async function prepareNodePackages(): Promise<NodePackages> {
  const installed = installedNodePackages();
  const root = path.join(cacheRoot(), "node");
  const dir = path.join(root, "node_modules");
  const stampFile = path.join(root, "stamp");
  const ready = () =>
    existsSync(stampFile) && readFileSync(stampFile, "utf8") === installed.stamp && existsSync(dir) ? { dir, names: installed.names } : undefined;
  return buildOnce(root, ready, async () => {
    await replaceWhenBuilt(dir, async (tmp) => {
      await run("cp", ["-al", installed.dir, tmp]).catch(() => run("cp", ["-a", installed.dir, tmp]));
    });
    writeFileSync(stampFile, installed.stamp);
    return { dir, names: installed.names };
  });
}

export type Toolchains = {
  node?: string;
  /** npm packages for JavaScript and TypeScript; without them those still run, importing only Node's own modules. */
  nodePackages?: NodePackages;
  python?: string;
  go?: GoToolchain;
  rust?: RustToolchain;
  problems: Partial<Record<"javascript" | "nodePackages" | "python" | "go" | "rust" | "sandbox", string>>;
};

type Compiled = "go" | "rust";
type Common = Omit<Toolchains, Compiled>;

let preparing: Promise<Common> | undefined;
let goReady: Promise<GoToolchain> | undefined;
let rustReady: Promise<RustToolchain> | undefined;
/** When each language's preparation started (Date.now()), while it lasts. */
const warming = new Map<Compiled, number>();

/** True while that language's build cache is being built (first start, or after an upgrade): health says "preparing". */
export function isPreparing(language: Compiled): boolean {
  return warming.has(language);
}

/** When the preparation under way started (ms since the epoch), or undefined when there is none. */
export function preparingSince(language: Compiled): number | undefined {
  return warming.get(language);
}

function tracked<T>(language: Compiled, prepare: () => Promise<T>): Promise<T> {
  warming.set(language, Date.now());
  return prepare().finally(() => warming.delete(language));
}

function prepareCommon(): Promise<Common> {
  preparing ??= (async () => {
    const problems: Toolchains["problems"] = {};
    if (!(await which("bwrap"))) problems.sandbox = "bubblewrap is not installed (apt-get install -y bubblewrap)";
    const node = existsSync("/usr/bin/node") ? "/usr/bin/node" : undefined;
    if (!node) problems.javascript = "node is not installed under /usr/bin";
    const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : undefined;
    if (!python) problems.python = "python3 is not installed (apt-get install -y python3)";
    const [nodePackages] = await Promise.allSettled([prepareNodePackages()]);
    if (nodePackages.status === "rejected") problems.nodePackages = `npm packages are not available: ${firstLine(nodePackages.reason)}`;
    return { node, python, nodePackages: nodePackages.status === "fulfilled" ? nodePackages.value : undefined, problems };
  })();
  return preparing;
}

/**
 * Prepared once per process; concurrent callers share the same promises (the lock). With a language, waits only for
 * what that language needs: a Python run must not wait minutes for Rust's crates on a first start. Without one
 * (at start, in health), prepares everything.
 */
export async function prepareToolchains(language?: CodeLanguage): Promise<Toolchains> {
  const wantsGo = language === undefined || language === "go";
  const wantsRust = language === undefined || language === "rust";
  if (wantsGo) goReady ??= tracked("go", prepareGo);
  if (wantsRust) rustReady ??= tracked("rust", prepareRust);
  const [common, go, rust] = await Promise.all([prepareCommon(), outcome(wantsGo ? goReady : undefined), outcome(wantsRust ? rustReady : undefined)]);
  const problems = { ...common.problems };
  if (go && !go.ok) problems.go = `Go is not available: ${firstLine(go.error)}`;
  if (rust && !rust.ok) problems.rust = `Rust is not available: ${firstLine(rust.error)}`;
  return { ...common, go: go?.ok ? go.value : undefined, rust: rust?.ok ? rust.value : undefined, problems };
}

/** A promise's value or its error, never a rejection: one language failing to prepare leaves the others usable. */
async function outcome<T>(promise: Promise<T> | undefined): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | undefined> {
  if (!promise) return undefined;
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

function firstLine(reason: unknown): string {
  const text = reason instanceof Error ? reason.message : String(reason);
  return text.split("\n")[0]!.slice(0, 300);
}
