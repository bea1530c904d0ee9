import { createServer, type Server } from "node:net";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCode } from "@/lib/runner/run-code";
import type { RunRequest, RunResult } from "@/lib/runner/types";

// Hostile programs, each run while an ordinary program is answered next to it. Every case checks what the learner
// sees and that nothing escaped: no files, no connections, no processes left on the host.
process.env.RUNNER_WALL_SECONDS = "3";
process.env.RUNNER_COMPILE_WALL_SECONDS = "8";
// Uids of their own, so processes of other test runs on this machine are not mistaken for leaks.
process.env.RUNNER_UID_BASE = "64500";

const HOSTILE_SLOT = 0;
const BYSTANDER_SLOT = 1;

/** Host processes whose command line contains `marker` (any user). */
function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (cmdline.includes(marker) && Number(pid) !== process.pid) found.push(`${pid}: ${cmdline}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Host processes running under the sandbox uids (only meaningful when the tests run as root). */
function sandboxUidProcesses(): string[] {
  if (process.getuid?.() !== 0) return [];
  const base = Number(process.env.RUNNER_UID_BASE);
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      const state = /^State:\s+(\S+)/m.exec(status)?.[1];
      const ppid = /^PPid:\s+(\d+)/m.exec(status)?.[1];
      // A zombie ("Z") has already exited and holds nothing but its pid until the host's init reaps it.
      if (uid >= base && uid < base + 100 && state !== "Z") found.push(`${pid} ${state} ppid=${ppid}: ${readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")}`);
    } catch {
      // gone
    }
  }
  return found;
}

function meminfo(field: string): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/meminfo", "utf8"))![1]) * 1024;
}

/**
 * What a run can leave behind in the kernel once its processes are gone: tmpfs pages (Shmem) and unreclaimable kernel
 * memory such as inodes and dentries (SUnreclaim). Unlike MemAvailable, other test files' programs barely move it.
 */
function kernelHeldBytes(): number {
  return meminfo("Shmem") + meminfo("SUnreclaim");
}

/** Run cgroups of this process still present anywhere under /sys/fs/cgroup (cgroup.ts names them by our pid). */
function leftoverGroups(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      if (entry.name.startsWith(`backend-paths-run-${process.pid}-`)) found.push(path.join(dir, entry.name));
      else if (depth < 4) walk(path.join(dir, entry.name), depth + 1);
    }
  };
  walk("/sys/fs/cgroup", 0);
  return found;
}

// Other test files run beside this one: a compile takes hundreds of MiB of MemAvailable for seconds, and a Go run
// copies its 36 MiB cache into its own tmpfs. What these cases could leave behind is far beyond both: a full tmpfs,
// a million inodes (about 2 GB of kernel memory before the inode limit), three touched GiB.
const KERNEL_SLACK = 256 * 1024 * 1024;
const AVAILABLE_SLACK = 1536 * 1024 * 1024;

/** Runs the hostile program and, while it runs, an ordinary one on another slot that must still be answered. */
async function hostile(request: RunRequest): Promise<RunResult> {
  const availableBefore = meminfo("MemAvailable");
  const kernelBefore = kernelHeldBytes();
  const abuse = runCode(request, { slot: HOSTILE_SLOT });
  await new Promise((r) => setTimeout(r, 300));
  const started = performance.now();
  const bystander = await runCode({ language: "python", code: "print('still answering')" }, { slot: BYSTANDER_SLOT });
  expect(bystander).toMatchObject({ stdout: "still answering\n", exitCode: 0 });
  expect(performance.now() - started).toBeLessThan(8000);
  const result = await abuse;
  // The kernel tears a killed namespace down asynchronously; give it a moment before calling anything a leak.
  for (let i = 0; i < 30 && sandboxUidProcesses().length; i++) await new Promise((r) => setTimeout(r, 100));
  expect(sandboxUidProcesses()).toEqual([]);
  expect(leftoverGroups()).toEqual([]);
  // A leak stays, a neighbour's use passes: wait up to 15 s for the memory to come back before calling it lost.
  const cameBack = () => kernelHeldBytes() < kernelBefore + KERNEL_SLACK && meminfo("MemAvailable") > availableBefore - AVAILABLE_SLACK;
  for (let i = 0; i < 150 && !cameBack(); i++) await new Promise((r) => setTimeout(r, 100));
  expect(kernelHeldBytes()).toBeLessThan(kernelBefore + KERNEL_SLACK);
  expect(meminfo("MemAvailable")).toBeGreaterThan(availableBefore - AVAILABLE_SLACK);
  return result;
}

const asRoot = process.getuid?.() === 0;

describe("sandbox abuse", () => {
  it("stops an endless loop at the wall-clock limit", async () => {
    const started = performance.now();
    const result = await hostile({ language: "javascript", code: "console.log('spinning'); for (;;) {}" });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, stdout: "spinning\n" });
    expect(performance.now() - started).toBeLessThan(8000);
  });

  it("stops an endless loop in a compiled language too", async () => {
    const result = await hostile({ language: "go", code: "package main\nfunc main() { for {} }" });
    expect(result.timedOut).toBe(true);
  });

  it("contains a fork bomb", async () => {
    const code = `import os, time\nprint("forking", flush=True)\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        time.sleep(0.01)\n`;
    const result = await hostile({ language: "python", code });
    expect(result.timedOut).toBe(true);
    expect(result.stdout).toContain("forking");
  });

  it("refuses a memory bomb with an ordinary error", async () => {
    const result = await hostile({ language: "python", code: "data = bytearray(8 * 1024 ** 3)\nprint('allocated')" });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain("MemoryError");
    expect(result.stdout).toBe("");
  });

  it("refuses a growing memory bomb in Go", async () => {
    const code = `package main\nimport "fmt"\nfunc main() { var keep [][]byte; for { b := make([]byte, 64<<20); keep = append(keep, b); fmt.Sprint(len(keep)) } }`;
    const result = await hostile({ language: "go", code });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/out of memory|cannot allocate/i);
  });

  it("truncates 100 MB of output and stops the program", async () => {
    const started = performance.now();
    const code = "import sys\nchunk = 'x' * (1024 * 1024)\nfor _ in range(100):\n    sys.stdout.write(chunk)\nprint('finished')";
    const result = await hostile({ language: "python", code });
    expect(result.truncated).toBe(true);
    expect(result.stdout.length).toBe(128 * 1024);
    expect(result.stdout).not.toContain("finished");
    expect(performance.now() - started).toBeLessThan(8000);
  });

  describe("network", () => {
    let server: Server;
    let port = 0;
    let connections = 0;
    beforeAll(async () => {
      server = createServer((socket) => {
        connections += 1;
        socket.end("secret from the host\n");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("cannot reach a service on the host's loopback", async () => {
      const code = `import socket\ntry:\n    s = socket.create_connection(("127.0.0.1", ${port}), timeout=2)\n    print("CONNECTED", s.recv(100))\nexcept OSError as e:\n    print("blocked:", type(e).__name__)`;
      const result = await hostile({ language: "python", code });
      expect(result.stdout).toMatch(/^blocked: /);
      expect(result.stdout).not.toContain("CONNECTED");
      expect(connections).toBe(0);
    });

    it("cannot reach the outside world", async () => {
      const code = `fetch("http://1.1.1.1/").then(() => console.log("CONNECTED"), (e) => console.log("blocked:", e.cause?.code ?? e.message));`;
      const result = await hostile({ language: "javascript", code });
      expect(result.stdout).toMatch(/^blocked: /);
      expect(result.stdout).not.toContain("CONNECTED");
    });
  });

  it("cannot see the app's files, its env file, its database or any home directory", async () => {
    const appDir = process.cwd();
    const paths = [appDir, `${appDir}/.env.local`, `${appDir}/data`, `${appDir}/prisma`, "/work", "/root", "/home", "/root/.ssh", "/etc/passwd", "/var"];
    expect(existsSync(appDir)).toBe(true);
    const code = `import os, json\npaths = ${JSON.stringify(paths)}\nprint(json.dumps({p: os.path.exists(p) for p in paths}))\nprint(json.dumps(sorted(os.listdir("/"))))`;
    const result = await hostile({ language: "python", code });
    const [visible, root] = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(Object.entries(visible).filter(([, seen]) => seen)).toEqual([]);
    expect(root).not.toContain("work");
    expect(root).not.toContain("root");
    expect(root).not.toContain("home");
  });

  it("cannot write outside its temporary directory, and its temporary files stay inside", async () => {
    const marker = `escape-${Date.now()}`;
    const targets = ["/usr/" + marker, "/etc/" + marker, "/" + marker, "/opt/" + marker, "/proc/" + marker];
    const code = `import json\nresults = {}\nfor p in ${JSON.stringify(targets)}:\n    try:\n        open(p, "w").write("x")\n        results[p] = "written"\n    except OSError as e:\n        results[p] = type(e).__name__\nopen("/tmp/${marker}", "w").write("inside")\nresults["tmp"] = open("/tmp/${marker}").read()\nprint(json.dumps(results))`;
    const result = await hostile({ language: "python", code });
    const results = JSON.parse(result.stdout);
    for (const target of targets) expect(results[target]).not.toBe("written");
    expect(results.tmp).toBe("inside");
    for (const target of [...targets, `/tmp/${marker}`, `/tmp/w/${marker}`]) expect(existsSync(target)).toBe(false);
  });

  it("leaves no background process behind", async () => {
    const marker = String(90000 + Math.floor(Math.random() * 9999));
    const code = `import subprocess, os\nsubprocess.Popen(["sleep", "${marker}"], start_new_session=True)\nif os.fork() == 0:\n    os.setsid()\n    os.execvp("sleep", ["sleep", "${marker}"])\nprint("detached two sleepers")`;
    const result = await hostile({ language: "python", code });
    expect(result).toMatchObject({ stdout: "detached two sleepers\n", exitCode: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(processesWith(`sleep ${marker}`)).toEqual([]);
  });

  it("leaves nothing behind when killed at the time limit either", async () => {
    const marker = String(80000 + Math.floor(Math.random() * 9999));
    const code = `const { spawn } = require("node:child_process");\nspawn("sleep", ["${marker}"], { detached: true, stdio: "ignore" }).unref();\nfor (;;) {}`;
    const result = await hostile({ language: "javascript", code });
    expect(result.timedOut).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(processesWith(`sleep ${marker}`)).toEqual([]);
  });

  it("stops a compile-time bomb at the compile limit", async () => {
    // rustc's own guard against endless const evaluation is turned off, so only the sandbox's limit can stop it.
    const code = `#![allow(long_running_const_eval)]\nconst SPIN: u64 = { let mut i: u64 = 0; while i < u64::MAX { i = i.wrapping_add(1); if i == 0 { break; } } i };\nfn main() { println!("{}", SPIN); }`;
    const started = performance.now();
    const result = await hostile({ language: "rust", code });
    expect(result.timedOut).toBe(true);
    expect(result.stdout).toBe("");
    expect(performance.now() - started).toBeLessThan(15000);
  });

  it("shows what Python printed before an endless loop", async () => {
    const result = await hostile({ language: "python", code: "print('before the loop')\nwhile True:\n    pass" });
    expect(result).toMatchObject({ timedOut: true, stdout: "before the loop\n" });
  });

  it("refuses nested namespaces and other kernel interfaces", async () => {
    const code = `import ctypes, subprocess
r = subprocess.run(["unshare", "-Urm", "id", "-u"], capture_output=True, text=True)
print("unshare -Urm:", r.returncode, repr(r.stdout.strip()))
libc = ctypes.CDLL(None, use_errno=True)
for name, flag in [("user", 0x10000000), ("net", 0x40000000), ("mount", 0x20000)]:
    print(name, libc.unshare(flag), ctypes.get_errno())
print("seccomp", open("/proc/self/status").read().split("Seccomp:")[1].split()[0])`;
    const result = await hostile({ language: "python", code });
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^unshare -Urm: [1-9]\d* ''$/);
    // EPERM (1) for each: user namespaces are disabled and the seccomp filter refuses the rest.
    expect(lines.slice(1, 4)).toEqual(["user -1 1", "net -1 1", "mount -1 1"]);
    expect(lines[4]).toBe("seccomp 2");
  });

  it("kills a program that calls the kernel through another ABI (x32) to get around the filter", async () => {
    const code = `import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\nprint("x32 unshare", libc.syscall(0x40000000 + 272, 0x10000000))`;
    const result = await hostile({ language: "python", code });
    expect(result.stdout).toBe("");
    expect(result.exitCode).toBe(128 + 31); // SIGSYS
  });

  it("passes the program no descriptor but stdio", async () => {
    const code = `import os\nopen_fds = []\nfor fd in os.listdir("/proc/self/fd"):\n    try:\n        os.readlink(f"/proc/self/fd/{fd}")\n        open_fds.append(int(fd))\n    except OSError:\n        pass  # the listing's own descriptor, closed by now\nprint(sorted(open_fds))`;
    const result = await hostile({ language: "python", code });
    expect(result.stdout).toBe("[0, 1, 2]\n");
  });

  describe.runIf(asRoot)("limits of the whole run (cgroup and private tmpfs, as root)", () => {
    it("shows no host path and only bounded writable mounts in mountinfo", async () => {
      const result = await hostile({ language: "python", code: `print(open("/proc/self/mountinfo").read())` });
      const mounts = result.stdout.trim().split("\n").map((line) => {
        const [before, after] = line.split(" - ");
        const fields = before!.split(" ");
        const [fstype, , superOptions] = after!.split(" ");
        return { point: fields[4]!, writable: fields[5]!.split(",").includes("rw"), fstype, superOptions: superOptions ?? "" };
      });
      expect(result.stdout).not.toContain(process.cwd());
      expect(result.stdout).not.toContain("/var/cache");
      const unbounded = mounts.filter((m) => m.writable && m.fstype !== "proc" && m.fstype !== "devtmpfs" && !m.superOptions.includes("nr_inodes="));
      expect(unbounded).toEqual([]);
      expect(mounts.find((m) => m.point === "/dev")).toBeUndefined();
    });

    it("keeps /dev read-only and /dev/shm within the work tmpfs", async () => {
      const code = `import os
try:
    open("/dev/planted", "w")
    print("dev writable")
except OSError:
    print("dev read-only")
written = 0
try:
    for i in range(400):
        with open(f"/dev/shm/fill{i}", "wb", buffering=0) as f:
            f.write(b"x" * (1 << 20))
        written += 1
except OSError as e:
    print("stopped with errno", e.errno)
print("MiB", written)`;
      const result = await hostile({ language: "python", code });
      const lines = result.stdout.trim().split("\n");
      expect(lines[0]).toBe("dev read-only");
      expect(lines[1]).toBe("stopped with errno 28");
      expect(Number(lines[2]!.split(" ")[1])).toBeLessThanOrEqual(256);
    });

    it("stops a million directories at the inode limit", async () => {
      const started = performance.now();
      const code = `import os\nmade, err = 0, None\ntry:\n    for i in range(1_000_000):\n        os.mkdir(f"/tmp/d{i}")\n        made += 1\nexcept OSError as e:\n    err = e.errno\nprint(made, err)`;
      const result = await hostile({ language: "python", code });
      const [made, errno] = result.stdout.trim().split(" ").map(Number);
      expect(errno).toBe(28);
      expect(made).toBeLessThan(16384);
      expect(performance.now() - started).toBeLessThan(8000);
    });

    it("holds three processes touching 1 GiB each to the run's memory", async () => {
      const code = `import os
pids = []
for i in range(3):
    pid = os.fork()
    if pid == 0:
        block = bytearray(1 << 30)
        block[::4096] = b"\\x01" * (1 << 18)
        print("touched 1 GiB", flush=True)
        os._exit(0)
    pids.append(pid)
print("children that kept 1 GiB:", sum(1 for pid in pids if os.waitpid(pid, 0)[1] == 0))`;
      const result = await hostile({ language: "python", code });
      expect(result.stdout).not.toContain("touched");
      expect(result.stdout).toContain("children that kept 1 GiB: 0");
      expect(result.stderr).toContain("MiB of memory");
    });

    it("counts the CPU time of every process against one budget", async () => {
      process.env.RUNNER_CPU_SECONDS = "1";
      try {
        // Four spinners each report their own CPU time; per-process limits would let each use the whole budget.
        const code = `import os, time
for i in range(4):
    if os.fork() == 0:
        while True:
            mark = time.process_time()
            while time.process_time() - mark < 0.05:
                pass
            print(i, time.process_time())
os.wait()`;
        const result = await hostile({ language: "python", code });
        expect(result.timedOut).toBe(true);
        const latest = new Map<string, number>();
        // A child killed mid-print leaves a cut line; only whole "<child> <seconds>" lines count.
        for (const [, child, seconds] of result.stdout.matchAll(/^(\d) (\d+\.\d+)$/gm)) latest.set(child!, Number(seconds));
        const total = [...latest.values()].reduce((sum, seconds) => sum + seconds, 0);
        expect(total).toBeGreaterThan(0.3);
        expect(total).toBeLessThan(1.6);
      } finally {
        delete process.env.RUNNER_CPU_SECONDS;
      }
    });
  });
});
