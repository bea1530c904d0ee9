import type { RunRequest, RunResult } from "../types";
import { engineFor } from "../where-code-runs";
import type { RunProgress, WorkerReplyMessage, WorkerRunMessage } from "./messages";

// One entry point for the page: JavaScript/TypeScript in a Web Worker, Python in a Pyodide worker, Go and Rust on
// the server, and so does code that imports what only the server has (the rule: ../where-code-runs.ts). Every engine answers with the same RunResult, including the server's limits (time, output size).

export const BROWSER_TIME_LIMIT_MS = 5_000;
export const BROWSER_OUTPUT_LIMIT = 128 * 1024;

export type RunOptions = {
  timeLimitMs?: number;
  signal?: AbortSignal;
  /** Told what the run is waiting on as it changes (downloading Python, starting it, running, on the server). */
  onProgress?: (progress: RunProgress) => void;
};

type Collected = { stdout: string; stderr: string; truncated: boolean };

function collector(onOverflow: () => void) {
  const state: Collected = { stdout: "", stderr: "", truncated: false };
  return {
    state,
    add(stream: "stdout" | "stderr", text: string) {
      if (state.truncated) return;
      const room = BROWSER_OUTPUT_LIMIT - state[stream].length;
      if (text.length > room) {
        state[stream] += text.slice(0, Math.max(0, room));
        state.truncated = true;
        onOverflow();
      } else {
        state[stream] += text;
      }
    },
  };
}

function runJavaScript(request: RunRequest, { timeLimitMs = BROWSER_TIME_LIMIT_MS, onProgress }: RunOptions): Promise<RunResult> {
  const started = performance.now();
  onProgress?.({ phase: "running" });
  // A fresh worker per run: clean globals, and terminating it is the only sure way to stop `for (;;) {}`.
  const worker = new Worker(new URL("./js-worker.ts", import.meta.url), { type: "module", name: "run-javascript" });
  return new Promise((resolve) => {
    let done = false;
    const end = (exitCode: number | null, timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.terminate();
      resolve({ ...output.state, exitCode, timedOut, durationMs: Math.round(performance.now() - started) });
    };
    const output = collector(() => end(null, false));
    const timer = setTimeout(() => end(null, true), timeLimitMs);
    worker.onmessage = (event: MessageEvent<WorkerReplyMessage>) => {
      const message = event.data;
      if (message.type === "output") output.add(message.stream, message.text);
      else if (message.type === "done") end(message.exitCode, false);
    };
    worker.onerror = (event) => {
      output.add("stderr", `${event.message || "The worker failed to start."}\n`);
      end(1, false);
    };
    const message: WorkerRunMessage = { type: "run", language: request.language as "javascript" | "typescript", code: request.code, stdin: request.stdin ?? "" };
    worker.postMessage(message);
  });
}

let pythonWorker: Worker | undefined;

/** How long an interrupted Python program gets to unwind before its worker is thrown away. */
export const INTERRUPT_GRACE_MS = 1000;

function canInterrupt(): boolean {
  return typeof SharedArrayBuffer !== "undefined" && globalThis.crossOriginIsolated === true;
}

function runPython(request: RunRequest, { timeLimitMs = BROWSER_TIME_LIMIT_MS, onProgress }: RunOptions): Promise<RunResult> {
  const started = performance.now();
  if (!pythonWorker) {
    pythonWorker = new Worker(new URL("./python-worker.ts", import.meta.url), { type: "module", name: "run-python" });
    // A new worker has no Python yet: say so now, before its first byte arrives.
    onProgress?.({ phase: "downloading", loaded: 0 });
  }
  const worker = pythonWorker;
  // Only a cross-origin isolated page (COOP + COEP, see next.config.ts) may share memory with its worker.
  const interruptBuffer = canInterrupt() ? new SharedArrayBuffer(4) : undefined;
  return new Promise((resolve) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let runStarted = started;
    let stoppedForTime = false;
    const end = (exitCode: number | null, timedOut: boolean, killWorker: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.onmessage = null;
      if (killWorker) {
        // The backstop: throwing the worker away always stops the program, at the price of loading Python again.
        worker.terminate();
        if (pythonWorker === worker) pythonWorker = undefined;
      }
      resolve({ ...output.state, exitCode, timedOut, durationMs: Math.round(performance.now() - runStarted) });
    };
    // KeyboardInterrupt through the shared buffer keeps the interpreter and its imported modules; the worker is
    // terminated only when there is no buffer or the program does not unwind within the grace period.
    const stop = (timedOut: boolean) => {
      stoppedForTime = timedOut;
      if (!interruptBuffer) return end(null, timedOut, true);
      Atomics.store(new Int32Array(interruptBuffer), 0, 2);
      clearTimeout(timer);
      timer = setTimeout(() => end(null, timedOut, true), INTERRUPT_GRACE_MS);
    };
    const output = collector(() => stop(false));
    worker.onmessage = (event: MessageEvent<WorkerReplyMessage>) => {
      const message = event.data;
      if (message.type === "progress") onProgress?.(message.progress);
      else if (message.type === "ready") {
        // The limit counts from when Python is loaded: loading it the first time is not the program's fault.
        onProgress?.({ phase: "running" });
        runStarted = performance.now();
        timer = setTimeout(() => stop(true), timeLimitMs);
      } else if (message.type === "output") output.add(message.stream, message.text);
      else if (message.type === "done") end(message.interrupted ? null : message.exitCode, Boolean(message.interrupted) && stoppedForTime, false);
    };
    worker.onerror = (event) => {
      output.add("stderr", `${event.message || "Python failed to start."}\n`);
      end(1, false, true);
    };
    const message: WorkerRunMessage = { type: "run", language: "python", code: request.code, stdin: request.stdin ?? "", interruptBuffer };
    worker.postMessage(message);
  });
}

export async function runOnServer(request: RunRequest, { signal, onProgress }: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  // Until the server's first phase arrives (or for good, if it answers in one piece), the page only knows the server has it.
  onProgress?.({ phase: "on-server" });
  // The answer's schemas (zod) load with the first server run, not with every page that has an example (issue 15).
  const [{ RUN_STREAM_TYPE, runResultSchema }, { readRunStream }] = await Promise.all([import("../types"), import("./run-stream")]);
  const failed = (message: string): RunResult => ({
    stdout: "",
    stderr: message,
    exitCode: null,
    timedOut: false,
    truncated: false,
    durationMs: Math.round(performance.now() - started),
  });
  let response: Response;
  try {
    response = await fetch("/api/run", {
      method: "POST",
      // The phases as they happen when the server streams them; one RunResult otherwise.
      headers: { "content-type": "application/json", accept: `${RUN_STREAM_TYPE}, application/json` },
      body: JSON.stringify(request),
      signal,
    });
  } catch {
    return failed("The server could not be reached. Check your connection and try again.");
  }
  if (response.ok && response.body && response.headers.get("content-type")?.startsWith(RUN_STREAM_TYPE)) {
    const end = await readRunStream(response.body, onProgress);
    if ("result" in end) return end.result;
    if ("error" in end) return failed(end.error);
    return failed("The connection to the server was lost before the run finished. Try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = runResultSchema.safeParse(body);
    return parsed.success ? parsed.data : failed("The server sent an answer this page does not understand.");
  }
  const message = (body as { error?: string } | null)?.error ?? `The server answered ${response.status}.`;
  const retry = response.headers.get("retry-after");
  return failed(retry ? `${message} (try again in ${retry} s)` : message);
}

export { engineFor };
export type { RunProgress };

export function runProgram(request: RunRequest, options: RunOptions = {}): Promise<RunResult> {
  if (engineFor(request.language, request.code) === "server") return runOnServer(request, options);
  switch (request.language) {
    case "javascript":
    case "typescript":
      return runJavaScript(request, options);
    case "python":
      return runPython(request, options);
    default:
      return runOnServer(request, options);
  }
}
