import { createHash } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, utimesSync } from "node:fs";
import path from "node:path";
import { runnerSettings } from "../settings";
import type { SandboxBind, SandboxFile } from "./bwrap";
import { alive } from "./cgroup";
import { cacheRoot } from "./toolchains";

// Compiled Go and Rust programs, kept on disk so that running an unchanged program again (a lesson's example, pressed
// Run by every learner who reads it) skips the compile. A binary is a function of what its key hashes: the toolchain's
// identity (compiler and library versions), the source files, the compile command, its environment and mounts. Only
// the compile step's output is reused; the program itself always runs fresh in its own sandbox. The folder is bounded:
// past its size the least recently used binaries go (a hit refreshes its mtime). A run holds its binary by a hard
// link of its own while it runs, so another run evicting it cannot pull it from under the sandbox's bind.

export type BuildCache = { dir: string; maxBytes: number };

/** What a compile's output depends on (see the top of this file). */
export type BuildInputs = { toolchain: string; files: SandboxFile[]; compile: string[]; env: Record<string, string>; binds: SandboxBind[]; artifact: string };

/** A cached binary held for one run: bind `path` read-only, then `release()` when the run is over. */
export type BuildLease = { path: string; release: () => void };

/** A file for a compile's binary to arrive in, beside the cache: `keep()` makes it the build for its key. */
export type IncomingBuild = { path: string; keep: () => void; drop: () => void };

const IN_USE = "in-use";
const MiB = 1024 * 1024;

/** The server's cache (RUNNER_CACHE_DIR/builds, RUNNER_BUILD_CACHE_MB), or undefined when it is turned off. */
export function serverBuildCache(): BuildCache | undefined {
  const { buildCacheMb } = runnerSettings();
  return buildCacheMb > 0 ? { dir: path.join(cacheRoot(), "builds"), maxBytes: buildCacheMb * MiB } : undefined;
}

export function buildKey(inputs: BuildInputs): string {
  return createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
}

/** The sandbox uid must traverse to a binary to bind it, and read and execute it. */
function ensureDirs(cache: BuildCache) {
  mkdirSync(path.join(cache.dir, IN_USE), { recursive: true });
  chmodSync(cache.dir, 0o755);
  chmodSync(path.join(cache.dir, IN_USE), 0o755);
}

let files = 0;
/** A file of this process's in IN_USE (held builds and arriving ones), named by its pid for the orphan sweep. */
const ownFile = (cache: BuildCache, suffix = "") => path.join(cache.dir, IN_USE, `${process.pid}-${++files}${suffix}`);

/** The binary built before for `key`, held for one run, or undefined when there is none. */
export function leaseBuild(cache: BuildCache, key: string): BuildLease | undefined {
  const entry = path.join(cache.dir, key);
  const held = ownFile(cache);
  try {
    ensureDirs(cache);
    linkSync(entry, held);
    // The held link shares the entry's inode, so this marks the entry as just used (evicted last).
    const now = new Date();
    utimesSync(held, now, now);
  } catch {
    // Not built yet, or just evicted: the run compiles.
    return undefined;
  }
  return { path: held, release: () => rmSync(held, { force: true }) };
}

/** Where a compile about to run should send its binary, and then keep it under `key` if it arrived whole. */
export function receiveBuild(cache: BuildCache, key: string): IncomingBuild {
  ensureDirs(cache);
  const file = ownFile(cache, ".new");
  return {
    path: file,
    keep: () => {
      if (statSync(file).size > cache.maxBytes) return;
      chmodSync(file, 0o755);
      renameSync(file, path.join(cache.dir, key));
      evict(cache);
    },
    drop: () => rmSync(file, { force: true }),
  };
}

/** Total bytes of the cached builds (held copies are links to them, not counted twice). */
export function buildCacheBytes(cache: BuildCache): number {
  return entries(cache).reduce((sum, entry) => sum + entry.size, 0);
}

function entries(cache: BuildCache): Array<{ file: string; size: number; usedAt: number }> {
  const found = [];
  for (const name of readdirSync(cache.dir)) {
    if (!/^[0-9a-f]{64}$/.test(name)) continue;
    const file = path.join(cache.dir, name);
    try {
      const stat = statSync(file);
      found.push({ file, size: stat.size, usedAt: stat.mtimeMs });
    } catch {
      // evicted by another process meanwhile
    }
  }
  return found;
}

function evict(cache: BuildCache) {
  const all = entries(cache).sort((a, b) => a.usedAt - b.usedAt);
  let total = all.reduce((sum, entry) => sum + entry.size, 0);
  for (const entry of all) {
    if (total <= cache.maxBytes) break;
    rmSync(entry.file, { force: true });
    total -= entry.size;
  }
  sweepOrphans(cache);
}

/** Held links and half-arrived builds of processes that died mid-run (named by their pid). */
function sweepOrphans(cache: BuildCache) {
  const dir = path.join(cache.dir, IN_USE);
  for (const name of readdirSync(dir)) {
    const pid = Number(/^\d+/.exec(name)?.[0]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // another process swept it first
    }
  }
}
