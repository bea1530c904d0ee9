import type { Metadata } from "next";
import Link from "next/link";
import { getCatalog } from "@/lib/content/catalog";
import { formatSourceDate } from "@/lib/content/sources";

export const metadata: Metadata = {
  title: "Sources",
  description: "Every article, benchmark and report the course cites, with its date and the lessons that use it.",
};

export default function SourcesPage() {
  const { sources, lessons } = getCatalog();
  return (
    <>
      <header className="hero">
        <h1>Sources</h1>
        <p className="muted">
          Every figure in the course names where it comes from and when. Benchmarks, salaries and adoption numbers
          age quickly: read each one with its date in mind.
        </p>
      </header>
      <ol className="source-list">
        {sources.map((source) => {
          const citedIn = lessons.filter((l) => l.citedSources.includes(source.id));
          return (
            <li key={source.id} id={source.id} className="card source-entry">
              <h2>{source.url ? <a href={source.url}>{source.title}</a> : source.title}</h2>
              <p className="muted">
                {[source.publisher, formatSourceDate(source.date), source.kind].filter(Boolean).join(" · ")}
              </p>
              {source.note && <p>{source.note}</p>}
              {citedIn.length > 0 && (
                <p>
                  Cited in:{" "}
                  {citedIn.map((l, i) => (
                    <span key={l.id}>
                      {i > 0 && ", "}
                      <Link href={l.href}>{l.title}</Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
