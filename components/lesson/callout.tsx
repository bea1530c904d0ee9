import type { ReactNode } from "react";

const LABELS = { note: "Note", tip: "Tip", warning: "Watch out" } as const;

export function Callout({ type = "note", title, children }: { type?: keyof typeof LABELS; title?: string; children: ReactNode }) {
  const kind = type in LABELS ? type : "note";
  return (
    <div role="note" className={`callout callout-${kind}`}>
      <p className="callout-title">
        <strong>{title ?? LABELS[kind]}</strong>
      </p>
      <div className="callout-body">{children}</div>
    </div>
  );
}
