import { getCatalog } from "@/lib/content/catalog";
import { buildSearchIndex, searchDocuments } from "@/lib/content/search";

// Generated once at build time into a static file; the header's search box downloads it on first focus.
export const dynamic = "force-static";

export function GET() {
  const { lessons, tracks } = getCatalog();
  const index = buildSearchIndex(searchDocuments(lessons, new Map(tracks.map((t) => [t.id, t.title]))));
  return Response.json(index.toJSON());
}
