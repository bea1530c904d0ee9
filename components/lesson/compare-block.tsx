"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import { pickLanguage, useCompareMode, usePreferredLanguage } from "./language-preference";

export type ComparePanel = { language: CodeLanguage; label: string; file: string; content: ReactNode };

// One concept, several languages: tabs that follow the learner's language everywhere, or all of them side by side.
export function CompareBlock({ name, panels }: { name: string; panels: ComparePanel[] }) {
  const [preferred, setPreferred] = usePreferredLanguage();
  const [mode, setMode] = useCompareMode();
  const baseId = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const languages = panels.map((p) => p.language);
  const active = pickLanguage(languages, preferred);
  const sideBySide = mode === "side-by-side";

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = languages.indexOf(active ?? languages[0]!);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: languages.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const index = (target + languages.length) % languages.length;
    setPreferred(languages[index]!);
    tabs.current[index]?.focus();
  };

  return (
    <div className={`compare${sideBySide ? " compare-side-by-side" : ""}`} data-compare={name} data-active-language={active}>
      <div className="compare-toolbar">
        {!sideBySide && (
          <div role="tablist" aria-label={`Language for ${name}`} className="compare-tabs" onKeyDown={onKeyDown}>
            {panels.map((panel, i) => (
              <button
                key={panel.language}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${panel.language}`}
                aria-selected={panel.language === active}
                aria-controls={`${baseId}-panel-${panel.language}`}
                tabIndex={panel.language === active ? 0 : -1}
                className="compare-tab"
                onClick={() => setPreferred(panel.language)}
              >
                {panel.label}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="button button-ghost compare-mode" aria-pressed={sideBySide} onClick={() => setMode(sideBySide ? "tabs" : "side-by-side")}>
          Compare side by side
        </button>
      </div>
      <div className="compare-panels">
        {panels.map((panel) => (
          <div
            key={panel.language}
            id={`${baseId}-panel-${panel.language}`}
            role={sideBySide ? "group" : "tabpanel"}
            aria-labelledby={sideBySide ? undefined : `${baseId}-tab-${panel.language}`}
            aria-label={sideBySide ? `${panel.label}: ${panel.file}` : undefined}
            hidden={!sideBySide && panel.language !== active}
            className="compare-panel"
            data-language={panel.language}
          >
            {sideBySide && <p className="compare-panel-label">{panel.label}</p>}
            {panel.content}
          </div>
        ))}
      </div>
    </div>
  );
}
