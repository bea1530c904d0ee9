import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonLiveReload } from "@/components/lesson/lesson-live-reload";
import { PrerequisiteLinks } from "@/components/lesson/prerequisite-links";
import { TrackProgress } from "@/components/progress/track-progress";
import { getCatalog, getTrack, trackLessons } from "@/lib/content/catalog";
import { formatHours, formatMinutes } from "@/lib/content/format";

type Params = Promise<{ track: string }>;

export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().tracks.map((t) => ({ track: t.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const track = getTrack((await params).track);
  return track ? { title: track.title, description: track.pitch } : {};
}

export default async function TrackPage({ params }: { params: Params }) {
  const track = getTrack((await params).track);
  if (!track) notFound();
  const lessons = trackLessons(track.id);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/learn">Learn</Link> <span aria-hidden="true">/</span> <span aria-current="page">{track.title}</span>
      </nav>
      <header className="hero">
        <h1>{track.title}</h1>
        <p className="muted">{track.pitch}</p>
        <p className="muted">
          {lessons.length} {lessons.length === 1 ? "lesson" : "lessons"} · about {formatHours(track.minutes)}
        </p>
        <TrackProgress lessonIds={track.lessonIds} />
      </header>
      <ol className="syllabus" aria-label="Syllabus">
        {lessons.map((lesson) => (
          <li key={lesson.id} className="card syllabus-item" data-lesson={lesson.id}>
            <h2>
              <Link href={lesson.href}>
                <span className="syllabus-number">{lesson.number}.</span> {lesson.title}
              </Link>
            </h2>
            <p>{lesson.summary}</p>
            <p className="muted">{formatMinutes(lesson.minutes)}</p>
            <h3 className="syllabus-subheading">You will learn to</h3>
            <ul>
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
            <PrerequisiteLinks ids={lesson.prerequisites} none="nothing, start here" />
          </li>
        ))}
      </ol>
      {process.env.NODE_ENV === "development" && <LessonLiveReload />}
    </>
  );
}
