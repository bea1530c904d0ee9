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

export type WorkerReplyMessage =
  | { type: "ready" }
  | { type: "output"; stream: "stdout" | "stderr"; text: string }
  | { type: "done"; exitCode: number; interrupted?: boolean };
