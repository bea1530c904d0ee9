"use client";

import { lazy, Suspense, useCallback, useState } from "react";
import { engineFor, runProgram, type RunProgress } from "@/lib/runner/browser/engines";
import type { HighlightedCode } from "@/lib/content/highlighted-code";
import { CODE_LANGUAGE_LABELS, type CodeLanguage } from "@/lib/course/vocabulary";
import type { PlaygroundExample, RunResult } from "@/lib/runner/types";
import { HighlightedCodeBlock } from "./highlighted-code";
import { OutputPanel } from "./output-panel";
import type { Preparing } from "./run-progress";
import { useDraft } from "./use-draft";

// Monaco is a separate chunk, fetched the first time a learner edits or runs; until then the example is the
// highlighted block rendered from `source`, which also carries the code itself (once in the page's payload).
const CodeEditor = lazy(() => import("./code-editor"));

// A warm Go or Rust run answers within this; a longer wait may be the server building its caches (first start only).
const PREPARING_CHECK_MS = 1_000;
/** While the run waits, health is asked again this often, so "preparing" ends when the caches are ready. */
const PREPARING_RECHECK_MS = 5_000;
/** When health gives no measured time: a first start builds the caches in about 2 minutes (README). */
const PREPARING_FALLBACK_SECONDS = 120;

type HealthRunner = { status?: string; since?: string; typicalSeconds?: number };

/** The server's preparation of this compiled language's build cache, if /api/health says "preparing". */
async function toolchainPreparing(language: CodeLanguage, signal: AbortSignal): Promise<Preparing | undefined> {
  const response = await fetch("/api/health", { cache: "no-store", signal });
  const body = (await response.json()) as { runners?: Partial<Record<CodeLanguage, HealthRunner>> };
  const runner = body.runners?.[language];
  if (runner?.status !== "preparing") return undefined;
  // An older server gives no times: count from now with the usual first-start estimate.
  return { name: CODE_LANGUAGE_LABELS[language], since: runner.since ?? new Date().toISOString(), typicalSeconds: runner.typicalSeconds ?? PREPARING_FALLBACK_SECONDS };
}

/** Asks health after a second, then every few seconds, until the run ends (the signal aborts). */
async function watchPreparing(language: CodeLanguage, signal: AbortSignal, onChange: (preparing: Preparing | undefined) => void) {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await pause(PREPARING_CHECK_MS);
  while (!signal.aborted) {
    onChange(await toolchainPreparing(language, signal).catch(() => undefined));
    await pause(PREPARING_RECHECK_MS);
  }
}

export function Playground({ example, source }: { example: Pick<PlaygroundExample, "id" | "language">; source: HighlightedCode }) {
  const { code, setCode, restored } = useDraft(example.id, example.language, source.code);
  // "edit": the learner asked to edit, so the editor takes focus; "run": Run showed it, and focus stays on Run.
  const [editing, setEditing] = useState<false | "edit" | "run">(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [preparing, setPreparing] = useState<Preparing | undefined>();
  const name = CODE_LANGUAGE_LABELS[example.language];
  const showEditor = editing || restored;
  const compiled = example.language === "go" || example.language === "rust";
  const highlighted = <HighlightedCodeBlock source={source} />;

  const run = useCallback(async () => {
    if (running) return;
    setEditing((e) => e || "run");
    setRunning(true);
    setProgress(null);
    const waiting = new AbortController();
    if (compiled) void watchPreparing(example.language, waiting.signal, (now) => !waiting.signal.aborted && setPreparing(now));
    try {
      setResult(await runProgram({ language: example.language, code }, { onProgress: setProgress }));
    } finally {
      waiting.abort();
      setPreparing(undefined);
      setRunning(false);
    }
  }, [code, compiled, example.language, running]);

  const reset = () => {
    setCode(source.code);
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
          <CodeEditor value={code} language={example.language} label={`${name} code editor`} onChange={setCode} onRun={run} autoFocus={editing === "edit"} />
        </Suspense>
      ) : (
        <div
          className="playground-static"
          role="button"
          tabIndex={0}
          aria-label={`Edit this ${name} example`}
          onClick={() => setEditing("edit")}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) setEditing("edit");
          }}
        >
          {highlighted}
        </div>
      )}
      <div className="playground-toolbar">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus it holds, back to the page's top. */}
        <button type="button" className="button" onClick={() => void run()} aria-disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
          {running ? "Running…" : "Run"}
        </button>
        <button type="button" className="button-ghost" onClick={reset} disabled={running || code === source.code}>
          Reset
        </button>
        {!showEditor && (
          <button type="button" className="button-ghost" onClick={() => setEditing("edit")}>
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
        waiting={{ progress, compiled, preparing }}
        label={`Output of the ${name} example`}
      />
    </figure>
  );
}
