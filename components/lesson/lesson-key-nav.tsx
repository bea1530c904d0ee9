"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// j / ArrowRight: next lesson; k / ArrowLeft: previous. Never while the learner is typing or using a widget that
// owns the arrow keys (editor, tabs, search box).
const OWNS_KEYS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="tablist"], [role="combobox"], [role="listbox"], .monaco-editor';

export function LessonKeyNav({ previousHref, nextHref }: { previousHref?: string; nextHref?: string }) {
  const router = useRouter();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(OWNS_KEYS)) return;
      const href = event.key === "j" || event.key === "ArrowRight" ? nextHref : event.key === "k" || event.key === "ArrowLeft" ? previousHref : undefined;
      if (!href) return;
      event.preventDefault();
      router.push(href);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router, previousHref, nextHref]);
  return null;
}
