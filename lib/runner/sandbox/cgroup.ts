import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runnerSettings } from "../settings";
import type { GroupLimits } from "./limits";

// One cgroup per run, so that memory (tmpfs pages and kernel memory included), processes and CPU are limited for the
// run as a whole rather than per process. Which hierarchy the host has is detected once:
//  - v2 (most current hosts): one tree at /sys/fs/cgroup; runs are children of the server's own cgroup, which for
//    that must hold no process itself (the "no internal processes" rule), so the server moves into a "server" leaf;
//  - v1 (this project's CI machine): one tree per controller; runs are children of the server's cgroup in each.
// Runs nest under the server's cgroup so that whatever limits the host gives the server also bound its runs.
// The sandbox joins its group itself before it starts anything (see bwrap.ts), so no learner code runs outside it.

export type CgroupSupport = { version: "v1" | "v2"; reason?: undefined } | { version: "none"; reason: string };

const ROOT = "/sys/fs/cgroup";
const V1_CONTROLLERS = ["memory", "pids", "cpu", "cpuacct"] as const;
const V2_CONTROLLERS = ["memory", "pids", "cpu"];
const CFS_PERIOD_US = 100_000;

type V1Dirs = Record<(typeof V1_CONTROLLERS)[number], string>;
type Layout = { version: "v1"; parents: V1Dirs } | { version: "v2"; parent: string };

/** The server's own cgroup path in one hierarchy, from /proc/self/cgroup lines "id:controllers:path". */
function ownPath(hierarchy: (controllers: string[]) => boolean): string | undefined {
  for (const line of readFileSync("/proc/self/cgroup", "utf8").split("\n")) {
    const first = line.indexOf(":");
    const second = line.indexOf(":", first + 1);
    if (first < 0 || second < 0) continue;
    if (hierarchy(line.slice(first + 1, second).split(","))) return line.slice(second + 1);
  }
  return undefined;
}

function detectV2(): Layout {
  const own = ownPath((controllers) => controllers.length === 1 && controllers[0] === "");
  if (own === undefined) throw new Error("this process has no cgroup v2 path");
  const available = readFileSync(path.join(ROOT, "cgroup.controllers"), "utf8").trim().split(/\s+/);
  const missing = V2_CONTROLLERS.filter((name) => !available.includes(name));
  if (missing.length) throw new Error(`cgroup v2 lacks the ${missing.join(", ")} controller`);
  const parent = path.join(ROOT, own);
  if (own !== "/") {
    const leaf = path.join(parent, "server");
    mkdirSync(leaf, { recursive: true });
    for (const pid of readFileSync(path.join(parent, "cgroup.procs"), "utf8").split("\n").filter(Boolean)) {
      writeFileSync(path.join(leaf, "cgroup.procs"), pid);
    }
  }
  writeFileSync(path.join(parent, "cgroup.subtree_control"), V2_CONTROLLERS.map((name) => `+${name}`).join(" "));
  return { version: "v2", parent };
}

function detectV1(): Layout {
  const parents = {} as V1Dirs;
  for (const controller of V1_CONTROLLERS) {
    const mount = path.join(ROOT, controller);
    if (!existsSync(path.join(mount, "cgroup.procs"))) throw new Error(`cgroup v1 has no ${controller} controller mounted`);
    const own = ownPath((controllers) => controllers.includes(controller)) ?? "/";
    // cpu and cpuacct are often one hierarchy mounted twice ("cpu,cpuacct"): realpath makes that one folder.
    parents[controller] = path.join(realpathSync(mount), own);
  }
  return { version: "v1", parents };
}

const RUN_GROUP = /^backend-paths-run-(\d+)-\d+$/;

/** Whether a process exists (EPERM: it does, under another uid); run groups and held builds are named by pid. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Groups left by a server that died mid-run (named by its pid): whatever is in them is killed and they go. */
function sweepOrphans(layout: Layout) {
  const parents = layout.version === "v2" ? [layout.parent] : [...new Set(Object.values(layout.parents))];
  for (const parent of parents) {
    for (const name of readdirSync(parent)) {
      const owner = RUN_GROUP.exec(name)?.[1];
      if (!owner || alive(Number(owner))) continue;
      const dir = path.join(parent, name);
      killPids([dir]);
      try {
        rmdirSync(dir);
      } catch {
        // still emptying; the next start tries again
      }
    }
  }
}

let detected: { support: CgroupSupport; layout?: Layout } | undefined;

function detect(): { support: CgroupSupport; layout?: Layout } {
  if (process.getuid?.() !== 0) return { support: { version: "none", reason: "the server does not run as root, so it cannot create cgroups" } };
  if (!runnerSettings().cgroups) return { support: { version: "none", reason: "RUNNER_CGROUPS=0 turns cgroups off" } };
  try {
    const layout = existsSync(path.join(ROOT, "cgroup.controllers")) ? detectV2() : detectV1();
    // A group made and removed now proves the hierarchy is writable before any learner relies on it.
    const probe = createRunGroup({ memoryBytes: 64 << 20, processes: 8, cpus: 1 }, layout, `backend-paths-probe-${process.pid}`);
    for (const file of probe.procsFiles) rmdirSync(path.dirname(file));
    sweepOrphans(layout);
    return { support: { version: layout.version }, layout };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { support: { version: "none", reason: `cgroups cannot be used here: ${message}` } };
  }
}

function layoutOrDetect() {
  detected ??= detect();
  return detected;
}

/** Which cgroup hierarchy runs are limited by, detected once per process; "none" says why. */
export function cgroupSupport(): CgroupSupport {
  return layoutOrDetect().support;
}

export type RunGroup = {
  /** Files the sandbox writes its own pid to, before it runs anything, to join the group. */
  procsFiles: string[];
  /** CPU time used so far by every process the run started, in seconds. */
  cpuSeconds(): number;
  /** How many processes the kernel killed for going over the memory limit. */
  oomKills(): number;
  /** Kills whatever is still in the group. */
  killAll(): void;
  /** Kills what is left and removes the group; safe to call twice. */
  remove(): Promise<void>;
};

/** A "name value" line of a cgroup's key-value file. */
function counter(file: string, name: string): number {
  return Number(new RegExp(`^${name} (\\d+)`, "m").exec(readFileSync(file, "utf8"))?.[1] ?? 0);
}

function pidsIn(dir: string): number[] {
  try {
    return readFileSync(path.join(dir, "cgroup.procs"), "utf8").split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function killPids(dirs: string[]) {
  for (const dir of dirs) {
    for (const pid of pidsIn(dir)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone already
      }
    }
  }
}

async function removeDir(dir: string) {
  // A killed process leaves the group a moment after the signal: retry briefly while the kernel tears it down.
  const deadline = Date.now() + 2000;
  for (;;) {
    try {
      rmdirSync(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      if (Date.now() > deadline) throw error;
      killPids([dir]);
      await sleep(10);
    }
  }
}

/**
 * Makes the group's folders and sets its limits; a group half made is removed again, never left behind. Swap limits
 * are optional: hosts without swap accounting have no such file, and there swap cannot stretch the limit anyway.
 */
function makeGroup(dirs: string[], limits: Array<[file: string, value: string, optional?: "optional"]>) {
  const made: string[] = [];
  try {
    for (const dir of dirs) {
      mkdirSync(dir);
      made.push(dir);
    }
    for (const [file, value, optional] of limits) if (!optional || existsSync(file)) writeFileSync(file, value);
  } catch (error) {
    for (const dir of made) rmdirSync(dir);
    throw error;
  }
}

function createRunGroup(limits: GroupLimits, layout: Layout, name: string): RunGroup {
  const quota = String(Math.round(limits.cpus * CFS_PERIOD_US));
  if (layout.version === "v2") {
    const dir = path.join(layout.parent, name);
    makeGroup([dir], [
      [path.join(dir, "memory.max"), String(limits.memoryBytes)],
      [path.join(dir, "memory.swap.max"), "0", "optional"],
      [path.join(dir, "pids.max"), String(limits.processes)],
      [path.join(dir, "cpu.max"), `${quota} ${CFS_PERIOD_US}`],
    ]);
    const killFile = path.join(dir, "cgroup.kill");
    const killAll = () => (existsSync(killFile) ? writeFileSync(killFile, "1") : killPids([dir]));
    return {
      procsFiles: [path.join(dir, "cgroup.procs")],
      cpuSeconds: () => counter(path.join(dir, "cpu.stat"), "usage_usec") / 1e6,
      oomKills: () => counter(path.join(dir, "memory.events"), "oom_kill"),
      killAll,
      remove: async () => {
        if (existsSync(dir)) killAll();
        await removeDir(dir);
      },
    };
  }
  const dirOf = (controller: (typeof V1_CONTROLLERS)[number]) => path.join(layout.parents[controller], name);
  const dirs = [...new Set(V1_CONTROLLERS.map(dirOf))];
  const memory = dirOf("memory");
  makeGroup(dirs, [
    [path.join(memory, "memory.limit_in_bytes"), String(limits.memoryBytes)],
    [path.join(memory, "memory.memsw.limit_in_bytes"), String(limits.memoryBytes), "optional"],
    [path.join(dirOf("pids"), "pids.max"), String(limits.processes)],
    [path.join(dirOf("cpu"), "cpu.cfs_period_us"), String(CFS_PERIOD_US)],
    [path.join(dirOf("cpu"), "cpu.cfs_quota_us"), quota],
  ]);
  // v1 has no cgroup.kill; pids.max bounds how many a fork loop can add between two passes.
  const killAll = () => {
    for (let pass = 0; pass < 5 && dirs.some((dir) => pidsIn(dir).length); pass++) killPids(dirs);
  };
  return {
    procsFiles: dirs.map((dir) => path.join(dir, "cgroup.procs")),
    cpuSeconds: () => Number(readFileSync(path.join(dirOf("cpuacct"), "cpuacct.usage"), "utf8")) / 1e9,
    oomKills: () => counter(path.join(memory, "memory.oom_control"), "oom_kill"),
    killAll,
    remove: async () => {
      killAll();
      for (const dir of dirs) await removeDir(dir);
    },
  };
}

let runs = 0;

/** A fresh group for one run, or undefined where cgroups cannot be used (see cgroupSupport for why). */
export function runGroup(limits: GroupLimits): RunGroup | undefined {
  const { layout } = layoutOrDetect();
  if (!layout) return undefined;
  runs += 1;
  return createRunGroup(limits, layout, `backend-paths-run-${process.pid}-${runs}`);
}
