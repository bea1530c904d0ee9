"use client";

import { useEffect, useSyncExternalStore } from "react";
import { flushWrites, getSaveState, getServerSaveState, subscribeSaveState } from "@/lib/progress/save-queue";

/** Says whether the learner's progress has reached the server, and offers to retry when it has not. */
export function SaveStatus() {
  const state = useSyncExternalStore(subscribeSaveState, getSaveState, getServerSaveState);
  useEffect(() => {
    // Writes left over from an earlier page (closed tab, lost connection) are sent now.
    void flushWrites();
  }, []);
  const text =
    state.status === "saved"
      ? "Progress saved"
      : state.status === "saving"
        ? "Saving…"
        : `Not saved yet (${state.pending} change${state.pending === 1 ? "" : "s"}): retrying`;
  return (
    <p className={`save-status save-status-${state.status}`} role="status" aria-live="polite" data-testid="save-status">
      <span>{text}</span>
      {state.status === "retrying" && (
        <>
          {state.lastError && <span className="muted"> {state.lastError}</span>}{" "}
          <button type="button" className="button button-ghost button-small" onClick={() => void flushWrites()}>
            Retry now
          </button>
        </>
      )}
    </p>
  );
}
