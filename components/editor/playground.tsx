"use client";

import { lazy, Suspense, useCallback, useState, type ReactNode } from "react";
import { engineFor, runProgram } from "@/lib/runner/browser/engines";
import type { Language, PlaygroundExample, RunResult } from "@/lib/runner/types";
import { OutputPanel } from "./output-panel";
import { useDraft } from "./use-draft";

// Monaco is a separate chunk, fetched the first time a learner edits or runs; until then the example is the
// static highlighted HTML the lesson rendered on the server.
const CodeEditor = lazy(() => import("./code-editor"));

const LANGUAGE_NAMES = { javascript: "JavaScript", typescript: "TypeScript", python: "Python", go: "Go", rust: "Rust" } as const;

// A warm Go or Rust run answers within this; a longer wait may be the server building its caches (first start only).
const PREPARING_CHECK_MS = 1_000;

/** Whether the server is still building this compiled language's build cache (/api/health says "preparing"). */
async function toolchainPreparing(language: Language, signal: AbortSignal): Promise<boolean> {
  const response = await fetch("/api/health", { cache: "no-store", signal });
  const body = (await response.json()) as { runners?: Partial<Record<Language, { status?: string }>> };
  return body.runners?.[language]?.status === "preparing";
}

export function Playground({ example, highlighted }: { example: PlaygroundExample; highlighted: ReactNode }) {
  const { code, setCode, restored } = useDraft(example.id, example.language, example.code);
  const [editing, setEditing] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const [preparing, setPreparing] = useState(false);
  const name = LANGUAGE_NAMES[example.language];
  const showEditor = editing || restored;

  const run = useCallback(async () => {
    if (running) return;
    setEditing(true);
    setRunning(true);
    const waiting = new AbortController();
    const compiled = example.language === "go" || example.language === "rust";
    const check = compiled
      ? setTimeout(() => {
          toolchainPreparing(example.language, waiting.signal).then(setPreparing, () => {});
        }, PREPARING_CHECK_MS)
      : undefined;
    try {
      setResult(await runProgram({ language: example.language, code }));
    } finally {
      clearTimeout(check);
      waiting.abort();
      setPreparing(false);
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
      <OutputPanel
        result={result}
        running={running}
        runningNote={preparing ? `Preparing the ${name} toolchain (first start only)…` : undefined}
        label={`Output of the ${name} example`}
      />
    </figure>
  );
}
