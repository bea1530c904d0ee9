import fs from "node:fs";

// The process tree under a pid, from /proc: a worker's sandboxes run in sessions of their own (bwrap --new-session),
// so its process group alone does not name them.

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** Every living process started, directly or not, by `root`. */
export function descendants(root: number): number[] {
  const pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  for (let queue = children.get(root) ?? []; queue.length; ) {
    const [pid, ...rest] = queue;
    found.push(pid!);
    queue = [...rest, ...(children.get(pid!) ?? [])];
  }
  return found;
}

/** The process's command name (`/proc/<pid>/comm`), or undefined once it is gone. */
export function commandOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  // A zombie has exited; only its parent has not read its status yet.
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}
