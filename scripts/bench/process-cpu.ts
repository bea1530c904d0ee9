import { readdirSync, readFileSync } from "node:fs";

// CPU time from /proc, for figures per core that mean "per core this part spent", not "per core the machine has": the
// bench shares 2 cores between the app, PostgreSQL, the workers and the load generator. A runner worker's sandboxes
// run in sessions of their own (bwrap --new-session), so a process group does not name them; the tree of parent links
// does, and what falls out of every tree (orphans init reaped, other processes) is told apart from the machine's total.
// Linux counts clock ticks of 1/100 s.

const TICK_MS = 10;

type Stat = { ppid: number; ownMs: number; reapedMs: number };

function statOf(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      ownMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      reapedMs: (Number(fields[13]) + Number(fields[14])) * TICK_MS,
    };
  } catch {
    return undefined; // It ended while we looked.
  }
}

/** Every process now, by pid. */
function processes(): Map<number, Stat> {
  const stats = new Map<number, Stat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statOf(name);
    if (stat) stats.set(Number(name), stat);
  }
  return stats;
}

/**
 * CPU milliseconds (user and system) used so far by `root` and everything it started, living or ended: each living
 * process's own time plus what its ended children handed it when it reaped them (cutime, cstime), so every process is
 * counted once, in itself while it lives and in its parent once it has ended.
 */
function treeCpuMs(stats: Map<number, Stat>, root: number): number {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  for (const queue = [root]; queue.length; ) {
    const pid = queue.pop()!;
    const stat = stats.get(pid);
    if (!stat) continue;
    total += stat.ownMs + stat.reapedMs;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU milliseconds the machine's cores have been busy since boot (not idle, not waiting for I/O, not stolen). */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq] = ticks as number[];
  return (user! + nice! + system! + irq! + softirq!) * TICK_MS;
}

/** The postmaster of the PostgreSQL listening on `port` (its command line has `-p <port>`), or undefined. */
export function postmasterOf(port: number): number | undefined {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      const at = args.indexOf("-p");
      if (args[0]!.endsWith("/postgres") && at > 0 && args[at + 1] === String(port)) return Number(name);
    } catch {
      // It ended while we looked.
    }
  }
  return undefined;
}

/** kthreadd, the parent of every kernel thread: the kworkers that tear down a sandbox's namespaces and cgroup. */
const KERNEL_THREADS = 2;

/**
 * Each kernel thread's CPU time so far. Nobody reaps a kernel thread, so one that ends takes its time with it: the
 * meter counts the threads alive at the end of its window, and what the ended ones did falls to "other".
 */
function kernelThreadsMs(stats: Map<number, Stat>): Map<number, number> {
  return new Map([...stats].filter(([, stat]) => stat.ppid === KERNEL_THREADS).map(([pid, stat]) => [pid, stat.ownMs]));
}

/**
 * What init has reaped: processes whose parent ended before them. A sandboxed program's processes end up there (the
 * diagnosis: during a run loop, pid 1's cutime grew by ~13 ms per Python run while the runner's tree grew by ~20 ms),
 * so a runner's own tree misses part of what its runs cost.
 */
const INIT = 1;

/** The parts every meter reports besides the named ones; what the sandboxes cost beyond their runner's tree. */
export const KERNEL = "kernel threads";
export const ORPHANS = "reaped by init";

/**
 * Starts counting CPU time; the function it returns gives the milliseconds each named part (the trees under its pids)
 * used since, plus KERNEL, ORPHANS, "load generator" (this process) and "other" (the rest of the machine: anything
 * else running, and kernel threads that ended in between).
 */
export function startCpuMeter(named: Record<string, number[]>): () => Record<string, number> {
  const read = () => {
    const stats = processes();
    return {
      parts: Object.fromEntries(Object.entries(named).map(([name, pids]) => [name, pids.reduce((sum, pid) => sum + treeCpuMs(stats, pid), 0)])),
      kernel: kernelThreadsMs(stats),
      orphans: stats.get(INIT)?.reapedMs ?? 0,
      self: process.cpuUsage(),
      machine: machineBusyMs(),
    };
  };
  const before = read();
  return () => {
    const after = read();
    const used = Object.fromEntries(Object.keys(named).map((name) => [name, after.parts[name]! - before.parts[name]!]));
    used[KERNEL] = [...after.kernel].reduce((sum, [pid, ms]) => sum + ms - (before.kernel.get(pid) ?? 0), 0);
    const self = process.cpuUsage(before.self);
    used["load generator"] = (self.user + self.system) / 1000;
    const unaccounted = Math.max(0, after.machine - before.machine - Object.values(used).reduce((sum, ms) => sum + ms, 0));
    // Init hands over a process's whole life when it reaps it: an orphan of someone else's that ran for minutes and
    // ended now would count as minutes in this window. Whatever init reaped can only have run in the machine's time
    // the trees do not account for, so it is capped there.
    used[ORPHANS] = Math.min(after.orphans - before.orphans, unaccounted);
    used.other = unaccounted - used[ORPHANS];
    return used;
  };
}
