import MiniSearch, { type Options } from "minisearch";

// The search index: one document per lesson section, built at build time and served as a static JSON file. The
// browser loads it with the same options, so no search server is involved.

export type SearchDocument = {
  id: string;
  lessonTitle: string;
  trackTitle: string;
  heading: string;
  text: string;
  url: string;
};

export const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ["lessonTitle", "heading", "text"],
  storeFields: ["lessonTitle", "trackTitle", "heading", "text", "url"],
  searchOptions: { boost: { lessonTitle: 3, heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: "AND" },
};

export const SEARCH_INDEX_URL = "/learn/search-index.json";

type IndexableLesson = { id: string; title: string; href: string; trackId: string; summary: string; sections: { id: string; heading: string; text: string }[] };

export function searchDocuments(lessons: readonly IndexableLesson[], trackTitles: ReadonlyMap<string, string>): SearchDocument[] {
  return lessons.flatMap((lesson) =>
    lesson.sections.map((section) => ({
      id: `${lesson.id}#${section.id}`,
      lessonTitle: lesson.title,
      trackTitle: trackTitles.get(lesson.trackId) ?? lesson.trackId,
      heading: section.heading,
      // The introduction carries the summary too, so a search for what the lesson is about finds its top.
      text: section.id ? section.text : `${lesson.summary} ${section.text}`,
      url: section.id ? `${lesson.href}#${section.id}` : lesson.href,
    })),
  );
}

export function buildSearchIndex(documents: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(documents);
  return index;
}

export type HighlightPart = { text: string; match: boolean };

/** Splits `text` into plain and matching parts for the given terms (case-insensitive, whole-term prefixes). */
export function highlightParts(text: string, terms: readonly string[]): HighlightPart[] {
  const clean = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (clean.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(`(${clean.map(escapeRegExp).join("|")})`, "gi");
  return text
    .split(pattern)
    .filter((part) => part !== "")
    .map((part) => ({ text: part, match: clean.some((t) => t.toLowerCase() === part.toLowerCase()) }));
}

/** About `width` characters of `text` around the first match, with ellipses where it was cut. */
export function snippet(text: string, terms: readonly string[], width = 140): string {
  const lower = text.toLowerCase();
  const positions = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const first = positions.length ? Math.min(...positions) : 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
