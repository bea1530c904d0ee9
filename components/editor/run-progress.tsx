"use client";

import { useEffect, useState } from "react";
import type { RunProgress } from "@/lib/runner/browser/engines";

// What a run is waiting on, said plainly: Python's first download with a progress bar, starting Python, a free slot
// on the server, compiling, running, or the server still preparing its toolchain (with the time left). The sentence
// is a status (read out when it changes); the bar and the seconds are not, so a screen reader is not told every tick.

const MIB = 1024 * 1024;
/** Below this a wait needs no clock. */
const SHOW_SECONDS_AFTER = 2;

/** The server preparing a toolchain, as /api/health says: since when, and how long it took there last time. */
export type Preparing = { name: string; since: string; typicalSeconds: number };

export type RunWaitingProps = {
  progress: RunProgress | null;
  /** Set while the server prepares this language's toolchain (/api/health says "preparing"). */
  preparing?: Preparing;
  /** Go and Rust are compiled first; a server run of JavaScript or Python is not. */
  compiled: boolean;
};

function sentence({ progress, preparing, compiled }: RunWaitingProps): string {
  if (preparing) return `Preparing the ${preparing.name} toolchain (first start only); your program runs as soon as it is ready.`;
  switch (progress?.phase) {
    case "downloading":
      return "Downloading Python (first run only)…";
    case "starting":
      return "Starting Python…";
    case "on-server":
      // Said until the server's first phase arrives, and throughout when it answers in one piece.
      return compiled ? "Compiling and running on the server…" : "Running on the server…";
    case "queued":
      return `Waiting for a free slot (${progress.position === 1 ? "next in line" : `${progress.position - 1} ahead`})…`;
    case "compiling":
      return "Compiling…";
    default:
      return "Running…";
  }
}

/** The estimate, counted down from when preparing started; past it, plain about that rather than a negative. */
export function preparingLeft({ since, typicalSeconds }: Preparing, now: number): string {
  const left = Math.ceil(typicalSeconds - (now - Date.parse(since)) / 1000);
  return left > 0 ? `about ${left} s left` : `taking longer than the usual ${typicalSeconds} s`;
}

const mib = (bytes: number) => (bytes / MIB).toFixed(1);

export function RunWaiting(props: RunWaitingProps) {
  // The wall clock, read once a second: the waited seconds and the time left of a preparation both come from it.
  const [clock, setClock] = useState(() => ({ started: Date.now(), now: Date.now() }));
  useEffect(() => {
    const timer = setInterval(() => setClock((c) => ({ ...c, now: Date.now() })), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.floor((clock.now - clock.started) / 1000);
  const { progress, preparing } = props;
  const downloading = progress?.phase === "downloading" ? progress : null;
  const busy = downloading || progress?.phase === "starting" || preparing;
  return (
    <div data-testid="run-waiting">
      <p className="muted" role="status" data-testid="running-note">
        {sentence(props)}
      </p>
      {busy && (
        <progress
          style={{ width: "100%", maxWidth: "24rem" }}
          aria-label={downloading ? "Python download" : "Waiting"}
          data-testid="run-progress"
          {...(downloading?.total ? { value: downloading.loaded, max: downloading.total } : {})}
        />
      )}
      {(downloading || preparing || seconds >= SHOW_SECONDS_AFTER) && (
        <p className="muted run-meta" data-testid="run-waiting-detail">
          {downloading && (downloading.total ? `${mib(downloading.loaded)} of ${mib(downloading.total)} MiB` : `${mib(downloading.loaded)} MiB`)}
          {preparing && preparingLeft(preparing, clock.now)}
          {(downloading || preparing) && seconds >= SHOW_SECONDS_AFTER && " · "}
          {seconds >= SHOW_SECONDS_AFTER && `${seconds} s`}
        </p>
      )}
    </div>
  );
}
