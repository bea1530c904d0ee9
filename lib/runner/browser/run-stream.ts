import { runStreamLineSchema, type RunResult } from "../types";
import type { RunProgress } from "./messages";

// Reads POST /api/run's streamed answer (one JSON line per phase, then the result; see lib/runner/run-stream.ts) and
// tells the page each phase as it arrives.

export type StreamEnd = { result: RunResult } | { error: string; status: number } | { cut: true };

/** A phase as the page shows it: a run that got a slot at once has nothing to wait for, so says nothing new. */
function progressOf(line: { phase: "queued"; position: number } | { phase: "compiling" } | { phase: "running" }): RunProgress | undefined {
  if (line.phase === "queued") return line.position > 0 ? line : undefined;
  return { phase: line.phase };
}

export async function readRunStream(body: ReadableStream<Uint8Array>, onProgress?: (progress: RunProgress) => void): Promise<StreamEnd> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { cut: true };
      rest += decoder.decode(value, { stream: true });
      const lines = rest.split("\n");
      rest = lines.pop()!;
      for (const text of lines) {
        const parsed = runStreamLineSchema.safeParse(JSON.parse(text));
        if (!parsed.success) continue;
        const line = parsed.data;
        if ("result" in line || "error" in line) return line;
        const progress = progressOf(line);
        if (progress) onProgress?.(progress);
      }
    }
  } catch {
    // The connection dropped or a line was not JSON: the run's end is unknown.
    return { cut: true };
  } finally {
    reader.releaseLock();
  }
}
