"use client";

import { createElement } from "react";
import { codeSegments, TOKEN_TAG, type HighlightedCode } from "@/lib/content/highlighted-code";

/**
 * A highlighted block, the same on the server and in the browser (so hydration matches): an element per coloured run.
 * A client component even where nothing changes, so a server page sends `source` (code and compact runs) in its
 * payload rather than the rendered elements, which are several times larger.
 */
export function HighlightedCodeBlock({ source }: { source: HighlightedCode }) {
  return (
    // Focusable, as Shiki's own blocks are: a long line scrolls sideways, and a keyboard must be able to scroll it.
    <pre className="shiki" tabIndex={0}>
      <code>{codeSegments(source).map(({ text, kind }, i) => (kind ? createElement(TOKEN_TAG[kind], { key: i }, text) : text))}</code>
    </pre>
  );
}
