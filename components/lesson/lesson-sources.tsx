import Link from "next/link";
import { getCatalog } from "@/lib/content/catalog";
import { formatSourceDate } from "@/lib/content/sources";

/** The end-of-lesson list of what the lesson cited, each linked to the Sources page. */
export function LessonSources({ ids }: { ids: string[] }) {
  const byId = new Map(getCatalog().sources.map((s) => [s.id, s]));
  return (
    <section className="lesson-extra lesson-sources" aria-labelledby="lesson-sources-heading">
      <h2 id="lesson-sources-heading">Sources</h2>
      <ul>
        {ids.map((id) => {
          const source = byId.get(id);
          return source ? (
            <li key={id}>
              <Link href={`/sources#${id}`}>{source.title}</Link>
              {source.publisher ? `, ${source.publisher}` : ""}, {formatSourceDate(source.date)}
            </li>
          ) : null;
        })}
      </ul>
      <p className="muted">
        Every source the course uses, with what each is based on: <Link href="/sources">Sources</Link>.
      </p>
    </section>
  );
}
