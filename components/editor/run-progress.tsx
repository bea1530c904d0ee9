"use client";

import { useEffect, useState } from "react";
import type { RunProgress } from "@/lib/runner/browser/engines";

// What a run is waiting on, said plainly: Python's first download with a progress bar, starting Python, compiling and
// running on the server, or the server still preparing its toolchain. The sentence is a status (read out when it
// changes); the bar and the seconds are not, so a screen reader is not told every tick.

const MIB = 1024 * 1024;
/** How long building the Go and Rust caches takes on a first start (README: about 2 minutes). */
const PREPARING_ESTIMATE = "usually 1–3 minutes";
/** Below this a wait needs no clock. */
const SHOW_SECONDS_AFTER = 2;

export type RunWaitingProps = {
  progress: RunProgress | null;
  /** The language's name while the server prepares its toolchain (/api/health says "preparing"). */
  preparing?: string;
  /** Go and Rust are compiled first; a server run of JavaScript or Python is not. */
  compiled: boolean;
};

function sentence({ progress, preparing, compiled }: RunWaitingProps): string {
  if (preparing) return `The server is preparing the ${preparing} toolchain (first start only, ${PREPARING_ESTIMATE}); your program runs as soon as it is ready.`;
  switch (progress?.phase) {
    case "downloading":
      return "Downloading Python (first run only)…";
    case "starting":
      return "Starting Python…";
    case "on-server":
      return compiled ? "Compiling and running on the server…" : "Running on the server…";
    default:
      return "Running…";
  }
}

const mib = (bytes: number) => (bytes / MIB).toFixed(1);

export function RunWaiting(props: RunWaitingProps) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  const { progress } = props;
  const downloading = progress?.phase === "downloading" ? progress : null;
  const busy = downloading || progress?.phase === "starting" || props.preparing;
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
      {(downloading || seconds >= SHOW_SECONDS_AFTER) && (
        <p className="muted run-meta" data-testid="run-waiting-detail">
          {downloading && (downloading.total ? `${mib(downloading.loaded)} of ${mib(downloading.total)} MiB` : `${mib(downloading.loaded)} MiB`)}
          {downloading && seconds >= SHOW_SECONDS_AFTER && " · "}
          {seconds >= SHOW_SECONDS_AFTER && `${seconds} s`}
        </p>
      )}
    </div>
  );
}
