import type { Metadata } from "next";
import Link from "next/link";
import { LessonLiveReload } from "@/components/lesson/lesson-live-reload";
import { TrackProgress } from "@/components/progress/track-progress";
import { getCatalog } from "@/lib/content/catalog";
import { formatHours } from "@/lib/content/format";

export const metadata: Metadata = {
  title: "Learn",
  description: "Five tracks: choosing your backend, Node.js & TypeScript, Python, Go and Rust.",
};

export default function CatalogPage() {
  const { tracks } = getCatalog();
  return (
    <>
      <header className="hero">
        <h1>Learn</h1>
        <p className="muted">Five tracks. Start with the comparison, or jump straight into a language.</p>
      </header>
      <ul className="grid track-grid" aria-label="Tracks">
        {tracks.map((track) => (
          <li key={track.id} className="card track-card" data-track={track.id}>
            <h2>
              <Link href={track.href}>{track.title}</Link>
            </h2>
            <p>{track.pitch}</p>
            <p className="muted track-meta">
              {track.lessonIds.length} {track.lessonIds.length === 1 ? "lesson" : "lessons"} · about {formatHours(track.minutes)}
            </p>
            <TrackProgress lessonIds={track.lessonIds} />
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="lab-heading">
        <h2 id="lab-heading">
          <Link href="/lab">The four-language lab</Link>
        </h2>
        <p>Run the same Fibonacci benchmark and concurrent fan-out in TypeScript, Python, Go and Rust at once, and compare your numbers with the articles&apos;.</p>
      </section>
      {process.env.NODE_ENV === "development" && <LessonLiveReload />}
    </>
  );
}
