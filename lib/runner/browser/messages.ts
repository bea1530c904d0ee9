// What the page and its run workers say to each other. Output is streamed so that a run stopped at the time limit
// (the worker terminated) still shows everything printed before it.

export type WorkerRunMessage = {
  type: "run";
  language: "javascript" | "typescript" | "python";
  code: string;
  stdin: string;
  /** Python only: Int32Array over a SharedArrayBuffer; writing 2 (SIGINT) raises KeyboardInterrupt. */
  interruptBuffer?: SharedArrayBuffer;
};

/**
 * What a run is waiting on, for the page to say: Python's first run downloads and starts Pyodide (megabytes, seconds),
 * the server compiles and runs Go and Rust in one request, and may first be building its toolchain caches.
 * `loaded`/`total` are bytes; `total` is absent when the server did not say how big the files are.
 */
export type RunProgress =
  | { phase: "downloading"; loaded: number; total?: number }
  | { phase: "starting" }
  | { phase: "running" }
  | { phase: "on-server" }
  /** A server run waiting for a free slot, behind `position` − 1 others when it joined. */
  | { phase: "queued"; position: number }
  /** A server run compiling (Go, Rust); "running" follows when the program starts. */
  | { phase: "compiling" };

export type WorkerReplyMessage =
  | { type: "progress"; progress: RunProgress }
  | { type: "ready" }
  | { type: "output"; stream: "stdout" | "stderr"; text: string }
  | { type: "done"; exitCode: number; interrupted?: boolean };
