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

// Pyodide's big pieces: the WebAssembly module and the standard library (about 12 MiB before compression; the
// JavaScript glue, 1 MiB, comes by import()). Each is fetched once: its bytes are counted for the page's progress bar
// as they stream in, and the same response is what Pyodide gets when it asks for that file (through this worker's
// fetch, while Pyodide loads). So the module compiles while it downloads, not after, and nothing is fetched twice.
// When the browser's HTTP cache already holds both (a later page or visit), Pyodide fetches them itself: a response
// from the cache lets the browser reuse the machine code it compiled from the module before (V8's WebAssembly code
// cache is keyed by the response's URL, which a response made here does not have), and there is nothing to count.
const STREAMED = ["pyodide.asm.wasm", "python_stdlib.zip"];
const PROGRESS_EVERY_MS = 100;

async function inHttpCache(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

type Downloads = { responses: Map<string, Promise<Response>>; done: Promise<void> };

/** Starts the downloads; `done` resolves once every byte has arrived (and "starting" was said). */
async function download(base: string): Promise<Downloads> {
  if ((await Promise.all(STREAMED.map((piece) => inHttpCache(base + piece)))).every(Boolean)) {
    post({ type: "progress", progress: { phase: "starting" } });
    return { responses: new Map(), done: Promise.resolve() };
  }
  let loaded = 0;
  let total: number | undefined;
  let reported = 0;
  const report = () => {
    reported = performance.now();
    post({ type: "progress", progress: { phase: "downloading", loaded, ...(total ? { total } : {}) } });
  };
  report();
  const responses = new Map<string, Promise<Response>>();
  const ends: Promise<void>[] = [];
  const fetched = STREAMED.map((piece) => {
    const url = base + piece;
    const response = fetch(url);
    let ended!: () => void;
    ends.push(new Promise<void>((resolve, reject) => ((ended = resolve), response.catch(reject))));
    responses.set(
      url,
      response.then((original) => {
        if (!original.ok || !original.body) throw new Error(`${url} answered ${original.status}`);
        const counter = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            loaded += chunk.byteLength;
            if (performance.now() - reported > PROGRESS_EVERY_MS) report();
            controller.enqueue(chunk);
          },
          flush: () => ended(),
        });
        // The body read here is already decoded: its encoding and compressed length no longer describe it.
        const headers = new Headers(original.headers);
        headers.delete("content-encoding");
        headers.delete("content-length");
        return new Response(original.body.pipeThrough(counter), { status: original.status, statusText: original.statusText, headers });
      }),
    );
    return response;
  });
  // A compressed response's Content-Length counts compressed bytes while the reader yields plain ones: no total then.
  void Promise.all(fetched).then((originals) => {
    const sizes = originals.map((r) => (r.headers.get("content-encoding") ? NaN : Number(r.headers.get("content-length") ?? NaN)));
    if (sizes.every(Number.isFinite)) total = sizes.reduce((a, b) => a + b, 0);
  }, () => {});
  const done = Promise.all(ends).then(() => {
    report();
    post({ type: "progress", progress: { phase: "starting" } });
  });
  return { responses, done };
}

async function load(): Promise<Pyodide> {
  // The bundler may emit this worker as a classic script; Pyodide refuses classic workers because it loads its
  // pieces with import(), which works here either way. Its probe is whether importScripts succeeds, so make it not.
  (self as unknown as { importScripts: () => never }).importScripts = () => {
    throw new TypeError("importScripts is not available in this worker");
  };
  const base = new URL("/vendor/pyodide/", self.location.origin).href;
  const { responses, done } = await download(base);
  const networkFetch = self.fetch;
  // Pyodide fetches its files by URL: each of the downloads above is handed over once, anything else goes out as usual.
  self.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = responses.get(url);
    if (!response) return networkFetch(input, init);
    responses.delete(url);
    return response;
  };
  let instance: Pyodide;
  try {
    const pyodideModule = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${base}pyodide.mjs`)) as {
      loadPyodide(options: { indexURL: string }): Promise<Pyodide>;
    };
    [instance] = await Promise.all([pyodideModule.loadPyodide({ indexURL: base }), done]);
  } finally {
    self.fetch = networkFetch;
  }
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
