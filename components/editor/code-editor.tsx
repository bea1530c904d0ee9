"use client";

import Editor, { loader, type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import type { Language } from "@/lib/runner/types";

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
  language: Language;
  label: string;
  onChange: (value: string) => void;
  onRun: () => void;
  autoFocus?: boolean;
};

export default function CodeEditor({ value, language, label, onChange, onRun, autoFocus }: CodeEditorProps) {
  const theme = usePageTheme();
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  }, [onRun]);
  const lines = Math.min(Math.max(value.split("\n").length + 1, 6), 28);

  const onMount: OnMount = (editor, api) => {
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => runRef.current());
    if (autoFocus) editor.focus();
  };

  return (
    <div className="code-editor" style={{ height: `${lines * 19 + 16}px` }}>
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
  );
}
