"use client";

import { useSyncExternalStore } from "react";
import { isCodeLanguage, type CodeLanguage } from "@/lib/course/vocabulary";

// The learner picks a language once; every Compare block on every lesson follows it. Kept in localStorage and
// broadcast to the other blocks on the page through one event, so they switch together.

const LANGUAGE_KEY = "bp:compare-language";
const MODE_KEY = "bp:compare-mode";
const EVENT = "bp:compare-preference";

export type CompareMode = "tabs" | "side-by-side";

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage blocked (private mode): the choice still applies to this page through the event below.
    memory.set(key, value);
  }
  window.dispatchEvent(new Event(EVENT));
}
const memory = new Map<string, string>();

export function usePreferredLanguage(): [CodeLanguage | null, (language: CodeLanguage) => void] {
  const value = useSyncExternalStore(subscribe, () => read(LANGUAGE_KEY) ?? memory.get(LANGUAGE_KEY) ?? null, () => null);
  // Storage is written by any script on the origin: a value that names no language counts as no preference.
  return [isCodeLanguage(value) ? value : null, (language) => write(LANGUAGE_KEY, language)];
}

export function useCompareMode(): [CompareMode, (mode: CompareMode) => void] {
  const value = useSyncExternalStore(subscribe, () => read(MODE_KEY) ?? memory.get(MODE_KEY) ?? "tabs", () => "tabs");
  return [value === "side-by-side" ? "side-by-side" : "tabs", (mode) => write(MODE_KEY, mode)];
}

/** The panel to show for a preference: exact language, else its sibling (JS <-> TS), else the first. */
export function pickLanguage(available: readonly CodeLanguage[], preferred: CodeLanguage | null): CodeLanguage | undefined {
  if (preferred && available.includes(preferred)) return preferred;
  const sibling: Partial<Record<CodeLanguage, CodeLanguage>> = { javascript: "typescript", typescript: "javascript" };
  const alt = preferred ? sibling[preferred] : undefined;
  if (alt && available.includes(alt)) return alt;
  return available[0];
}
