"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { HighlightPart } from "@/lib/content/search";
import type { SearchHit } from "./search-engine";

// Search as you type over a prebuilt index (combobox pattern: the input keeps focus, arrows move the highlighted
// option, Enter opens it, Escape closes the list). The search (MiniSearch and the index) loads on first focus.

const MAX_RESULTS = 8;
const searchEngine = () => import("./search-engine");

function Highlighted({ parts }: { parts: HighlightPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

export function SiteSearch() {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-results`;
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const latest = useRef("");

  const search = async (value: string) => {
    setQuery(value);
    latest.current = value;
    if (value.trim().length < 2) {
      setHits([]);
      setOpen(false);
      return;
    }
    try {
      setStatus("loading");
      const found = await (await searchEngine()).searchLessons(value, MAX_RESULTS);
      if (latest.current !== value) return;
      setHits(found);
      setActive(-1);
      setOpen(true);
      setStatus("idle");
    } catch {
      setStatus("error");
      setOpen(true);
    }
  };

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setQuery("");
    router.push(hit.url);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      go(hits[active >= 0 ? active : 0]);
    } else if (event.key === "Escape") {
      if (open) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const expanded = open && query.trim().length >= 2;
  const message = status === "error" ? "Search is unavailable right now." : hits.length === 0 ? `No lessons match “${query}”.` : `${hits.length} result${hits.length === 1 ? "" : "s"}`;

  return (
    <div className="site-search" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search lessons
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        placeholder="Search lessons…"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        value={query}
        onChange={(e) => void search(e.target.value)}
        onFocus={() => {
          void searchEngine()
            .then((engine) => engine.loadIndex())
            .catch(() => setStatus("error"));
          if (hits.length) setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <div role="status" className="visually-hidden">
        {expanded && status !== "loading" ? message : ""}
      </div>
      <ul id={listId} role="listbox" aria-label="Search results" className="search-results" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            className="search-result"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(hit)}
            onMouseMove={() => setActive(i)}
            data-url={hit.url}
          >
            <span className="search-result-title">
              <Highlighted parts={hit.title} />
              {hit.heading ? (
                <>
                  {" › "}
                  <Highlighted parts={hit.heading} />
                </>
              ) : null}
            </span>
            <span className="search-result-snippet">
              <Highlighted parts={hit.snippet} />
            </span>
          </li>
        ))}
        {expanded && hits.length === 0 && status !== "loading" ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="search-empty">
            {message}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
