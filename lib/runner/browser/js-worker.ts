/// <reference lib="webworker" />
import { transform } from "sucrase";
import type { WorkerReplyMessage, WorkerRunMessage } from "./messages";

// Runs one JavaScript or TypeScript program (a fresh worker per run, so globals never leak between runs). The
// program is loaded as an ES module from a blob URL, so top-level await works. It counts as finished when its
// module has evaluated and no timer it started is still pending; the page terminates the worker at the time limit.

const post = (message: WorkerReplyMessage) => (self as unknown as Worker).postMessage(message);

function format(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === "function") return `[Function ${value.name || "(anonymous)"}]`;
  if (typeof value === "undefined") return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Map) return `Map(${value.size}) ${format(Object.fromEntries(value))}`;
  if (value instanceof Set) return `Set(${value.size}) ${format([...value])}`;
  try {
    return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

function write(stream: "stdout" | "stderr", args: unknown[]) {
  post({ type: "output", stream, text: args.map(format).join(" ") + "\n" });
}

let pendingTimers = 0;
let finished = false;
const timers = new Set<number>();

function installGlobals(stdin: string) {
  const scope = self as unknown as Record<string, unknown>;
  const consoleShim = {
    log: (...args: unknown[]) => write("stdout", args),
    info: (...args: unknown[]) => write("stdout", args),
    debug: (...args: unknown[]) => write("stdout", args),
    table: (...args: unknown[]) => write("stdout", args),
    error: (...args: unknown[]) => write("stderr", args),
    warn: (...args: unknown[]) => write("stderr", args),
  };
  Object.assign(self.console, consoleShim);
  const realSetTimeout = self.setTimeout.bind(self);
  const realClearTimeout = self.clearTimeout.bind(self);
  const realSetInterval = self.setInterval.bind(self);
  const realClearInterval = self.clearInterval.bind(self);
  const track = (id: number) => {
    timers.add(id);
    pendingTimers = timers.size;
    return id;
  };
  const untrack = (id: number | undefined) => {
    if (id !== undefined) timers.delete(id);
    pendingTimers = timers.size;
    checkDone();
  };
  scope.setTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const id: number = realSetTimeout(() => {
      try {
        fn(...rest);
      } finally {
        untrack(id);
      }
    }, ms);
    return track(id);
  };
  scope.clearTimeout = (id?: number) => {
    realClearTimeout(id);
    untrack(id);
  };
  scope.setInterval = (fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => track(realSetInterval(fn, ms, ...rest));
  scope.clearInterval = (id?: number) => {
    realClearInterval(id);
    untrack(id);
  };
  scope.setImmediate = (fn: (...a: unknown[]) => void, ...rest: unknown[]) => (scope.setTimeout as typeof setTimeout)(fn, 0, ...rest);
  // Enough of Node's `process` for lessons about the event loop: output, nextTick, stdin text, exit codes.
  scope.process = {
    argv: ["node", "main.js"],
    env: {},
    platform: "browser",
    stdinText: stdin,
    nextTick: (fn: (...a: unknown[]) => void, ...rest: unknown[]) => queueMicrotask(() => fn(...rest)),
    stdout: { write: (text: string) => (post({ type: "output", stream: "stdout", text: String(text) }), true) },
    stderr: { write: (text: string) => (post({ type: "output", stream: "stderr", text: String(text) }), true) },
    exit: (code = 0) => {
      finish(code);
      throw new Error("__exit__");
    },
    hrtime: { bigint: () => BigInt(Math.round(performance.now() * 1e6)) },
    memoryUsage: () => ({ heapUsed: 0, rss: 0 }),
  };
}

function finish(exitCode: number) {
  if (finished) return;
  finished = true;
  post({ type: "done", exitCode });
}

let evaluated = false;
function checkDone() {
  // A macrotask later, so promise chains started by the last callback get to run first.
  if (evaluated && pendingTimers === 0) setTimeoutOriginal(() => pendingTimers === 0 && finish(0), 0);
}
const setTimeoutOriginal = self.setTimeout.bind(self);

self.addEventListener("error", (event) => {
  event.preventDefault();
  if (String(event.message).includes("__exit__")) return;
  write("stderr", [`Uncaught ${event.error instanceof Error ? (event.error.stack ?? event.error.message) : event.message}`]);
  finish(1);
});
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (event.reason instanceof Error && event.reason.message === "__exit__") return;
  write("stderr", ["Uncaught (in promise)", event.reason]);
  finish(1);
});

self.onmessage = async (event: MessageEvent<WorkerRunMessage>) => {
  const { code, language, stdin } = event.data;
  installGlobals(stdin);
  let source = code;
  if (language === "typescript") {
    try {
      source = transform(code, { transforms: ["typescript"], disableESTransforms: true, filePath: "main.ts" }).code;
    } catch (error) {
      write("stderr", [error instanceof Error ? error.message : String(error)]);
      finish(1);
      return;
    }
  }
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url);
  } catch (error) {
    if (!(error instanceof Error && error.message === "__exit__")) {
      write("stderr", [error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : error]);
      finish(1);
    }
    return;
  } finally {
    URL.revokeObjectURL(url);
  }
  evaluated = true;
  checkDone();
};

post({ type: "ready" });
