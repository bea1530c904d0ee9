"use client";

import { lazy, Suspense, useState } from "react";
import { HighlightedCodeBlock } from "@/components/editor/highlighted-code";
import { OutputPanel, timing } from "@/components/editor/output-panel";
import type { HighlightedCode } from "@/lib/content/highlighted-code";
import { elapsedMs } from "@/lib/content/lab-output";
import { statusLabel, stopReason, type CellState } from "./lab-state";
import styles from "./lab.module.css";

// Monaco is fetched only when the learner opens a program to edit it, as on lesson pages.
const CodeEditor = lazy(() => import("@/components/editor/code-editor"));

export type LabCellProps = {
  program: string;
  language: "typescript" | "python" | "go" | "rust";
  /** "Go", "TypeScript"…: short, for the chart. */
  label: string;
  /** How it runs here, e.g. "Node.js 20, types erased" or "rustc 1.95, debug build". */
  detail: string;
  file: string;
  /** The original code, highlighted at build time: shown until the learner edits, and what Reset goes back to. */
  source: HighlightedCode;
};

const COMPILED = new Set(["go", "rust"]);

export function LabCell({ cell, code, state, onChange, onRun }: { cell: LabCellProps; code: string; state: CellState; onChange: (code: string) => void; onRun: () => void }) {
  const [editing, setEditing] = useState(false);
  const busy = state.status === "waiting" || state.status === "running";
  const result = "result" in state ? state.result : null;
  const own = result ? elapsedMs(result.stdout) : undefined;
  const reason = result ? stopReason(result) : undefined;
  const headingId = `lab-${cell.program}-${cell.language}`;
  const showEditor = editing || code !== cell.source.code;
  const highlighted = <HighlightedCodeBlock source={cell.source} />;
  return (
    <section className={styles.cell} aria-labelledby={headingId} data-testid="lab-cell" data-program={cell.program} data-language={cell.language} data-state={state.status}>
      <h3 id={headingId} className={styles.cellTitle}>
        {cell.label} <span className={styles.detail}>{cell.detail}</span>
      </h3>
      <p className={`${styles.state} ${styles[state.status] ?? ""}`} data-testid="cell-state">
        {statusLabel(state, COMPILED.has(cell.language))}
      </p>
      {result && (
        <dl className={styles.times}>
          <dt>Program&apos;s own time</dt>
          <dd data-testid="elapsed">{own === undefined ? "not printed" : `${own} ms`}</dd>
          <dt>{COMPILED.has(cell.language) ? "Compile · run (runner)" : "Run (runner)"}</dt>
          <dd data-testid="phases">{timing(result)}</dd>
        </dl>
      )}
      {reason && (
        <p className={styles.stopped} data-testid="stop-reason">
          {reason}
        </p>
      )}
      <details className={styles.code}>
        <summary>
          {code === cell.source.code ? "Show and edit" : "Edited:"} {cell.file}
        </summary>
        {showEditor ? (
          <Suspense fallback={<div className="code-block">{highlighted}</div>}>
            <CodeEditor value={code} language={cell.language} label={`${cell.label} code for ${cell.program}`} onChange={onChange} onRun={onRun} autoFocus />
          </Suspense>
        ) : (
          <div className="code-block">{highlighted}</div>
        )}
        <div className={styles.codeToolbar}>
          {!showEditor && (
            <button type="button" className="button-ghost" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button type="button" className="button-ghost" onClick={onRun} disabled={busy}>
            Run this one
          </button>
          <button type="button" className="button-ghost" onClick={() => onChange(cell.source.code)} disabled={busy || code === cell.source.code}>
            Reset
          </button>
        </div>
      </details>
      {result && <OutputPanel result={result} running={false} label={`Output of ${cell.label}`} />}
    </section>
  );
}
