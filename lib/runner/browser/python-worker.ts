/// <reference lib="webworker" />
import type { WorkerReplyMessage, WorkerRunMessage } from "./messages";
import { trimTraceback } from "./traceback";

// Pyodide in a long-lived worker: it is loaded on the first Python run (from /vendor/pyodide, served by the app)
// and reused; each run gets fresh globals. Endless loops are interrupted through the shared interrupt buffer when
// the page is cross-origin isolated; otherwise the page terminates this worker and starts a new one.

type Pyodide = {
  runPythonAsync(code: string, options?: { globals?: unknown }): Promise<unknown>;
  setStdout(options: { write: (bytes: Uint8Array) => number }): void;
  setStderr(options: { write: (bytes: Uint8Array) => number }): void;
  setStdin(options: { stdin: () => string | null }): void;
  setInterruptBuffer(buffer: Int32Array): void;
  globals: { get(name: string): () => { set(key: string, value: unknown): void; destroy(): void } };
};

const post = (message: WorkerReplyMessage) => (self as unknown as Worker).postMessage(message);
const decoder = { stdout: new TextDecoder(), stderr: new TextDecoder() };
let pyodide: Promise<Pyodide> | undefined;

// Pyodide's big pieces (about 13 MiB before compression). They are fetched here first, reporting bytes as they
// arrive, and land in the browser's HTTP cache; loadPyodide then gets them from the cache (a 304 at most).
const PIECES = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"];
const PROGRESS_EVERY_MS = 100;

async function download(base: string): Promise<void> {
  const responses = await Promise.all(PIECES.map((piece) => fetch(base + piece)));
  // A compressed response's Content-Length counts compressed bytes while the reader yields plain ones: no total then.
  const sizes = responses.map((r) => (r.headers.get("content-encoding") ? NaN : Number(r.headers.get("content-length") ?? NaN)));
  const total = sizes.every(Number.isFinite) ? sizes.reduce((a, b) => a + b, 0) : undefined;
  let loaded = 0;
  let reported = 0;
  const report = () => {
    reported = performance.now();
    post({ type: "progress", progress: { phase: "downloading", loaded, ...(total ? { total } : {}) } });
  };
  report();
  await Promise.all(
    responses.map(async (response) => {
      if (!response.ok || !response.body) throw new Error(`${response.url} answered ${response.status}`);
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        loaded += chunk.value.byteLength;
        if (performance.now() - reported > PROGRESS_EVERY_MS) report();
      }
    }),
  );
  report();
}

async function load(): Promise<Pyodide> {
  // The bundler may emit this worker as a classic script; Pyodide refuses classic workers because it loads its
  // pieces with import(), which works here either way. Its probe is whether importScripts succeeds, so make it not.
  (self as unknown as { importScripts: () => never }).importScripts = () => {
    throw new TypeError("importScripts is not available in this worker");
  };
  const base = new URL("/vendor/pyodide/", self.location.origin).href;
  await download(base);
  post({ type: "progress", progress: { phase: "starting" } });
  const pyodideModule = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${base}pyodide.mjs`)) as {
    loadPyodide(options: { indexURL: string }): Promise<Pyodide>;
  };
  const instance = await pyodideModule.loadPyodide({ indexURL: base });
  for (const stream of ["stdout", "stderr"] as const) {
    const setter = stream === "stdout" ? instance.setStdout.bind(instance) : instance.setStderr.bind(instance);
    setter({
      write: (bytes) => {
        post({ type: "output", stream, text: decoder[stream].decode(bytes, { stream: true }) });
        return bytes.length;
      },
    });
  }
  return instance;
}

function exitCodeOf(message: string): { code: number; interrupted: boolean; report: boolean } {
  if (/KeyboardInterrupt/.test(message.split("\n").slice(-3).join("\n"))) return { code: 130, interrupted: true, report: false };
  const exit = /SystemExit: ?(\d*)\s*$/.exec(message.trim());
  if (exit) return { code: exit[1] ? Number(exit[1]) : 0, interrupted: false, report: false };
  return { code: 1, interrupted: false, report: true };
}

self.onmessage = async (event: MessageEvent<WorkerRunMessage>) => {
  const { code, stdin, interruptBuffer } = event.data;
  let instance: Pyodide;
  try {
    pyodide ??= load();
    instance = await pyodide;
  } catch (error) {
    pyodide = undefined;
    post({ type: "output", stream: "stderr", text: `Python could not be loaded: ${error instanceof Error ? error.message : error}\n` });
    post({ type: "done", exitCode: 1 });
    return;
  }
  post({ type: "ready" });
  if (interruptBuffer) instance.setInterruptBuffer(new Int32Array(interruptBuffer));
  let stdinUsed = false;
  instance.setStdin({ stdin: () => (stdinUsed ? null : ((stdinUsed = true), stdin)) });
  const globals = instance.globals.get("dict")();
  globals.set("__name__", "__main__");
  try {
    await instance.runPythonAsync(code, { globals });
    post({ type: "done", exitCode: 0 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { code: exitCode, interrupted, report } = exitCodeOf(message);
    const shown = trimTraceback(message);
    if (report) post({ type: "output", stream: "stderr", text: shown.endsWith("\n") ? shown : shown + "\n" });
    post({ type: "done", exitCode, interrupted });
  } finally {
    globals.destroy();
    if (interruptBuffer) new Int32Array(interruptBuffer)[0] = 0;
  }
};
