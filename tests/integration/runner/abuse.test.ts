import { createServer, type Server } from "node:net";
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** Runs the hostile program and, while it runs, an ordinary one on another slot that must still be answered. */
async function hostile(request: RunRequest): Promise<RunResult> {
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
  return result;
}

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
});
