import MiniSearch, { type SearchResult } from "minisearch";
import { highlightParts, SEARCH_INDEX_URL, SEARCH_OPTIONS, snippet, type HighlightPart, type SearchDocument } from "@/lib/content/search";

// The search itself: MiniSearch over the prebuilt index. The header's search box loads this module when the learner
// first focuses it or types, so neither the library nor the index is part of any page's first load.

/** One result, ready to show: its parts with the matched terms marked. */
export type SearchHit = { id: string; url: string; title: HighlightPart[]; heading: HighlightPart[] | null; snippet: HighlightPart[] };

type Found = SearchResult & Pick<SearchDocument, "lessonTitle" | "heading" | "text" | "url">;

let indexPromise: Promise<MiniSearch<SearchDocument>> | undefined;

export function loadIndex(): Promise<MiniSearch<SearchDocument>> {
  indexPromise ??= fetch(SEARCH_INDEX_URL)
    .then((res) => {
      if (!res.ok) throw new Error(`search index: HTTP ${res.status}`);
      return res.text();
    })
    .then((json) => MiniSearch.loadJSON<SearchDocument>(json, SEARCH_OPTIONS))
    .catch((error: unknown) => {
      indexPromise = undefined;
      throw error;
    });
  return indexPromise;
}

export async function searchLessons(query: string, max: number): Promise<SearchHit[]> {
  const index = await loadIndex();
  return (index.search(query).slice(0, max) as Found[]).map((hit) => ({
    id: String(hit.id),
    url: hit.url,
    title: highlightParts(hit.lessonTitle, hit.terms),
    heading: hit.heading ? highlightParts(hit.heading, hit.terms) : null,
    snippet: highlightParts(snippet(hit.text, hit.terms), hit.terms),
  }));
}
