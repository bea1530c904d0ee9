"use client";

import { usePathname } from "next/navigation";
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";

/**
 * The header's navigation, search and account controls. Wide screens show them in the bar (the button is hidden by
 * CSS); phones get a disclosure: a Menu button that opens them in a panel under the bar, so the bar stays one row.
 * The panel closes on Escape (focus back on the button), when focus leaves it, and on navigation.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const id = useId();
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // A new page closes the menu: state adjusted while rendering (React's pattern for "reset when a prop changes").
  const [shownOn, setShownOn] = useState(pathname);
  if (shownOn !== pathname) {
    setShownOn(pathname);
    setOpen(false);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // The search box uses Escape first to close its own list; only an unhandled Escape closes the menu.
    if (event.key !== "Escape" || !open || event.defaultPrevented) return;
    setOpen(false);
    button.current?.focus();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <div className="header-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="icon-button menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        <span className="visually-hidden">Menu</span>
      </button>
      <div id={id} className="header-menu-panel" data-open={open}>
        {children}
      </div>
    </div>
  );
}
