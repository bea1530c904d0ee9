"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Playground } from "@/components/editor/playground";
import type { HighlightedCode } from "@/lib/content/highlighted-code";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import { pickLanguage, useCompareMode, usePreferredLanguage } from "./language-preference";

/** One language of a Compare block. `source` comes with the page for the panel shown first only. */
export type ComparePanel = { language: CodeLanguage; label: string; file: string; id: string; source?: HighlightedCode };

type Sources = Record<string, HighlightedCode>;
const loading = new Map<string, Promise<Sources>>();

/** The lesson's highlighted examples (app/learn/[track]/[lesson]/examples.json), fetched once for all its blocks. */
function lessonSources(url: string): Promise<Sources> {
  let promise = loading.get(url);
  if (!promise) {
    promise = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json() as Promise<Sources>;
    });
    // A failed load is tried again the next time a panel needs it.
    promise.catch(() => loading.delete(url));
    loading.set(url, promise);
  }
  return promise;
}

// One concept, several languages: tabs that follow the learner's language everywhere, or all of them side by side.
// The page's HTML holds the first language's code only (a hidden panel cannot be opened without JavaScript anyway);
// the others are fetched from `sourcesUrl` the first time they are shown, then kept, with their editor's state.
export function CompareBlock({ name, panels, sourcesUrl }: { name: string; panels: ComparePanel[]; sourcesUrl: string }) {
  const [preferred, setPreferred] = usePreferredLanguage();
  const [mode, setMode] = useCompareMode();
  const baseId = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const languages = panels.map((p) => p.language);
  const active = pickLanguage(languages, preferred);
  const sideBySide = mode === "side-by-side";
  const showing = sideBySide ? languages : languages.filter((l) => l === active);
  const [shown, setShown] = useState<readonly CodeLanguage[]>(showing);
  // Updated while rendering, not in an effect, so a newly chosen panel never paints empty first.
  if (showing.some((l) => !shown.includes(l))) setShown([...new Set([...shown, ...showing])]);
  const [fetched, setFetched] = useState<Sources>({});
  const [failed, setFailed] = useState(false);
  const missing = panels.some((p) => shown.includes(p.language) && !p.source && !fetched[p.file]);

  useEffect(() => {
    if (!missing) return;
    let current = true;
    lessonSources(sourcesUrl).then(
      (sources) => current && setFetched(sources),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [missing, sourcesUrl]);

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
        {panels.map((panel) => {
          const source = panel.source ?? fetched[panel.file];
          return (
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
              {shown.includes(panel.language) &&
                (source ? (
                  <Playground example={{ id: panel.id, language: panel.language }} source={source} />
                ) : (
                  <p className="muted" role="status">
                    {failed ? `The ${panel.label} example could not be loaded. Reload the page to try again.` : `Loading the ${panel.label} example…`}
                  </p>
                ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
