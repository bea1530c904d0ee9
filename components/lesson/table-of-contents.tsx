"use client";

import { useEffect, useState } from "react";
import type { Heading } from "@/lib/content/mdx-analysis";

// Highlights the section being read: the last heading that has scrolled past the top third of the viewport.
export function TableOfContents({ headings }: { headings: Pick<Heading, "id" | "text" | "depth">[] }) {
  const [active, setActive] = useState<string | undefined>(headings[0]?.id);

  useEffect(() => {
    const elements = headings.map((h) => document.getElementById(h.id)).filter((el): el is HTMLElement => el !== null);
    if (elements.length === 0) return;
    const update = () => {
      const line = window.innerHeight / 3;
      let current = elements[0]?.id;
      for (const el of elements) {
        if (el.getBoundingClientRect().top <= line) current = el.id;
      }
      setActive(current);
    };
    // The observer only tells us when to look again; the position check above decides which heading is current.
    const observer = new IntersectionObserver(update, { rootMargin: "0px 0px -66% 0px" });
    elements.forEach((el) => observer.observe(el));
    window.addEventListener("scroll", update, { passive: true });
    update();
    return () => {
      observer.disconnect();
      window.removeEventListener("scroll", update);
    };
  }, [headings]);

  if (headings.length === 0) return null;
  return (
    <nav aria-label="On this page" className="toc">
      <p className="toc-title">On this page</p>
      <ol>
        {headings.map((h) => (
          <li key={h.id} className={h.depth === 3 ? "toc-sub" : undefined}>
            <a href={`#${h.id}`} aria-current={h.id === active ? "location" : undefined}>
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
