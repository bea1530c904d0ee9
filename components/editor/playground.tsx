"use client";

import { lazy, Suspense, useCallback, useState, type ReactNode } from "react";
import { engineFor, runProgram } from "@/lib/runner/browser/engines";
import type { PlaygroundExample, RunResult } from "@/lib/runner/types";
import { OutputPanel } from "./output-panel";
import { useDraft } from "./use-draft";

// Monaco is a separate chunk, fetched the first time a learner edits or runs; until then the example is the
// static highlighted HTML the lesson rendered on the server.
const CodeEditor = lazy(() => import("./code-editor"));

const LANGUAGE_NAMES = { javascript: "JavaScript", typescript: "TypeScript", python: "Python", go: "Go", rust: "Rust" } as const;

export function Playground({ example, highlighted }: { example: PlaygroundExample; highlighted: ReactNode }) {
  const { code, setCode, restored } = useDraft(example.id, example.language, example.code);
  const [editing, setEditing] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const name = LANGUAGE_NAMES[example.language];
  const showEditor = editing || restored;

  const run = useCallback(async () => {
    if (running) return;
    setEditing(true);
    setRunning(true);
    try {
      setResult(await runProgram({ language: example.language, code }));
    } finally {
      setRunning(false);
    }
  }, [code, example.language, running]);

  const reset = () => {
    setCode(example.code);
    setResult(null);
  };

  return (
    <figure
      className="playground"
      data-example-id={example.id}
      data-language={example.language}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void run();
        }
      }}
    >
      {showEditor ? (
        <Suspense fallback={<div className="playground-static">{highlighted}</div>}>
          <CodeEditor value={code} language={example.language} label={`${name} code editor`} onChange={setCode} onRun={run} autoFocus={editing} />
        </Suspense>
      ) : (
        <div
          className="playground-static"
          role="button"
          tabIndex={0}
          aria-label={`Edit this ${name} example`}
          onClick={() => setEditing(true)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) setEditing(true);
          }}
        >
          {highlighted}
        </div>
      )}
      <div className="playground-toolbar">
        <button type="button" className="button" onClick={() => void run()} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
          {running ? "Running…" : "Run"}
        </button>
        <button type="button" className="button-ghost" onClick={reset} disabled={running || code === example.code}>
          Reset
        </button>
        {!showEditor && (
          <button type="button" className="button-ghost" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <span className="muted playground-hint">
          {name} · runs {engineFor(example.language, code) === "server" ? "on the server" : "in your browser"} · Ctrl/⌘+Enter
        </span>
      </div>
      <OutputPanel result={result} running={running} label={`Output of the ${name} example`} />
    </figure>
  );
}
