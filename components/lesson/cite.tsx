import Link from "next/link";
import { getCatalog } from "@/lib/content/catalog";
import { formatSourceDate } from "@/lib/content/sources";

/** An inline citation: the source's title and date, linked to its entry on the Sources page. */
export function Cite({ source }: { source: string }) {
  const found = getCatalog().sources.find((s) => s.id === source);
  // The loader rejects unknown ids, so this only guards a catalog changed under a running dev server.
  if (!found) return null;
  return (
    <span className="cite">
      (<Link href={`/sources#${found.id}`}>{found.title}</Link>, {formatSourceDate(found.date)})
    </span>
  );
}
