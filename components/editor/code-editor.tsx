"use client";

import Editor, { loader, type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { useEffect, useId, useRef, useState } from "react";
import type { CodeLanguage } from "@/lib/course/vocabulary";

// The heavy part of the playground: imported only when a learner starts editing or running, so Monaco is never in
// a lesson page's initial JavaScript. Monaco comes from the local package and its workers are bundled here.

const DARK_THEME = "backend-paths-dark";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

if (typeof window !== "undefined" && !window.MonacoEnvironment) {
  window.MonacoEnvironment = {
    getWorker(_id, label) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(new URL("./monaco-ts.worker.ts", import.meta.url), { type: "module", name: "monaco-ts" });
      }
      return new Worker(new URL("./monaco-editor.worker.ts", import.meta.url), { type: "module", name: "monaco-editor" });
    },
  };
  loader.config({ monaco });
  // vs-dark's comment green (#608b4e on #1e1e1e) is 4.2:1, under WCAG AA's 4.5:1; this one is about 6:1.
  monaco.editor.defineTheme(DARK_THEME, { base: "vs-dark", inherit: true, rules: [{ token: "comment", foreground: "7fa86b" }], colors: {} });
}

type Theme = "vs" | typeof DARK_THEME;

function pageTheme(): Theme {
  return document.documentElement.dataset.theme === "dark" ? DARK_THEME : "vs";
}

function usePageTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(pageTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(pageTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

export type CodeEditorProps = {
  value: string;
  language: CodeLanguage;
  label: string;
  onChange: (value: string) => void;
  onRun: () => void;
  autoFocus?: boolean;
};

// Tab indents in a code editor, so Tab alone cannot also leave it (a keyboard trap, WCAG 2.1.2). Escape switches
// Monaco's tab-focus mode on for the next key: Tab or Shift+Tab then moves focus on, any other key types as usual.
const HINT_STYLE = { fontSize: "0.85rem", margin: "0.25rem 0.75rem" } as const;

export default function CodeEditor({ value, language, label, onChange, onRun, autoFocus }: CodeEditorProps) {
  const theme = usePageTheme();
  const hintId = useId();
  const [leaving, setLeaving] = useState(false);
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  }, [onRun]);
  const lines = Math.min(Math.max(value.split("\n").length + 1, 6), 28);

  const onMount: OnMount = (editor, api) => {
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => runRef.current());
    const tabLeaves = (on: boolean) => {
      editor.updateOptions({ tabFocusMode: on });
      setLeaving(on);
    };
    editor.onKeyDown((event) => {
      if (event.keyCode === api.KeyCode.Escape) tabLeaves(true);
      else if (event.keyCode !== api.KeyCode.Tab && event.keyCode !== api.KeyCode.Shift) tabLeaves(false);
    });
    editor.onDidBlurEditorText(() => tabLeaves(false));
    // The hint is read out with the editor's name, not only shown under it.
    editor.getDomNode()?.querySelector("textarea")?.setAttribute("aria-describedby", hintId);
    if (autoFocus) editor.focus();
  };

  return (
    <div className="code-editor">
      <div style={{ height: `${lines * 19 + 16}px` }}>
        <Editor
          value={value}
          language={language}
          theme={theme}
          onChange={(next) => onChange(next ?? "")}
          onMount={onMount}
          loading={<span className="muted">Loading the editor…</span>}
          options={{
            ariaLabel: label,
            minimap: { enabled: false },
            fontSize: 14,
            scrollBeyondLastLine: false,
            tabSize: language === "go" ? 8 : 4,
            insertSpaces: language !== "go",
            automaticLayout: true,
            padding: { top: 8, bottom: 8 },
            accessibilitySupport: "auto",
          }}
        />
      </div>
      <p id={hintId} className="muted" style={HINT_STYLE} aria-live="polite" data-testid="editor-hint">
        {leaving ? (
          <>
            Now <kbd>Tab</kbd> or <kbd>Shift</kbd>+<kbd>Tab</kbd> leaves the editor; any other key keeps editing.
          </>
        ) : (
          <>
            <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor.
          </>
        )}
      </p>
    </div>
  );
}
