"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// j / ArrowRight: next lesson; k / ArrowLeft: previous. Only while focus is on the page itself (nothing focused, or
// prose such as a heading a link jumped to): on a control, an input, the editor, a button or anything inside a form
// the keys belong to it (a radio group, a scrollable code block), and a learner mid-quiz must never be sent away.
const CONTROL = [
  "a[href]", "button", "input", "select", "textarea", "summary", "form", "dialog",
  '[contenteditable]:not([contenteditable="false"])', '[tabindex]:not([tabindex="-1"])', ".monaco-editor",
  ...["button", "link", "textbox", "tab", "tablist", "combobox", "listbox", "menu", "menuitem", "radiogroup", "slider", "dialog"].map((role) => `[role="${role}"]`),
].join(", ");

function focusIsOnPage(target: EventTarget | null): boolean {
  if (!(target instanceof Element) || target === document.body || target === document.documentElement) return true;
  return !target.closest(CONTROL);
}

export function LessonKeyNav({ previousHref, nextHref }: { previousHref?: string; nextHref?: string }) {
  const router = useRouter();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (!focusIsOnPage(event.target)) return;
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
