import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonKeyNav } from "@/components/lesson/lesson-key-nav";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { LessonPager } from "@/components/lesson/lesson-pager";
import { LessonSources } from "@/components/lesson/lesson-sources";
import { PrerequisiteLinks } from "@/components/lesson/prerequisite-links";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { LessonLiveReload } from "@/components/lesson/lesson-live-reload";
import { Exercise } from "@/components/editor/exercise";
import { exerciseText } from "@/components/editor/exercise-text";
import { LessonTracker } from "@/components/progress/lesson-tracker";
import { QuizForm } from "@/components/quiz/quiz-form";
import { getCatalog, getLesson, getTrack, lessonNeighbours } from "@/lib/content/catalog";
import { compileLesson } from "@/lib/content/compile-mdx";
import { CODE_LANGUAGE_LABELS } from "@/lib/course/vocabulary";
import { publicExercise } from "@/lib/content/exercise-schema";
import { formatMinutes } from "@/lib/content/format";
import { highlightCode } from "@/lib/content/highlight";
import { publicQuestion } from "@/lib/content/quiz-schema";

// Fully static: everything comes from lessons/ at build time. No database, no cookies or headers here, so the
// page is prerendered; per-learner things (progress, drafts) load in the browser inside the components.

type Params = Promise<{ track: string; lesson: string }>;

export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().lessons.map((l) => ({ track: l.trackId, lesson: l.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { track, lesson: slug } = await params;
  const lesson = getLesson(track, slug);
  // openGraph too, so a shared link shows the lesson (its image comes from opengraph-image.tsx beside this page).
  return lesson ? { title: lesson.title, description: lesson.summary, openGraph: { title: lesson.title, description: lesson.summary, type: "article" } } : {};
}

/** "35 min with exercises and quiz": names only the practice this lesson really has. */
function timeLabel(lesson: { minutes: number; exercises: unknown[]; quiz?: unknown }): string {
  const practice = [lesson.exercises.length > 0 && "exercises", lesson.quiz && "quiz"].filter(Boolean);
  return `${formatMinutes(lesson.minutes)} ${practice.length ? `with ${practice.join(" and ")}` : "in all"}`;
}

export default async function LessonPage({ params }: { params: Params }) {
  const { track: trackId, lesson: slug } = await params;
  const lesson = getLesson(trackId, slug);
  const track = getTrack(trackId);
  if (!lesson || !track) notFound();

  const [Content, highlightedPairs, exerciseTexts] = await Promise.all([
    compileLesson(lesson.body),
    Promise.all(lesson.examples.map(async (e) => [e.file, await highlightCode(e.code, e.language)] as const)),
    Promise.all(lesson.exercises.map(exerciseText)),
  ]);
  const { previous, next } = lessonNeighbours(lesson.id);

  return (
    <div className="lesson-layout">
      <article className="lesson" aria-labelledby="lesson-title" data-lesson-id={lesson.id}>
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link href="/learn">Learn</Link> <span aria-hidden="true">/</span> <Link href={track.href}>{track.title}</Link>
        </nav>
        <header className="lesson-header">
          <h1 id="lesson-title">{lesson.title}</h1>
          <p className="lesson-summary">{lesson.summary}</p>
          <ul className="lesson-meta" aria-label="About this lesson">
            <li>{lesson.readingMinutes} min read</li>
            <li>{timeLabel(lesson)}</li>
            <li>{lesson.languages.map((l) => CODE_LANGUAGE_LABELS[l]).join(", ")}</li>
          </ul>
          <section className="lesson-objectives" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">In this lesson you will</h2>
            <ul>
              {/* Keyed by place, not by text: a key is sent in the page's payload beside the text it names. */}
              {lesson.objectives.map((o, i) => (
                <li key={i}>{o}</li>
              ))}
            </ul>
            <PrerequisiteLinks ids={lesson.prerequisites} />
          </section>
        </header>

        <div className="lesson-prose">
          <Content components={lessonComponents(lesson, new Map(highlightedPairs))} />
        </div>

        {lesson.citedSources.length > 0 && <LessonSources ids={lesson.citedSources} />}

        {lesson.exercises.length > 0 && (
          <section className="lesson-extra" aria-labelledby="practice-heading">
            <h2 id="practice-heading">Practice</h2>
            {/* Neither the solution nor the test harness reaches the page: checks run on the server. */}
            {lesson.exercises.map((exercise, i) => (
              <Exercise key={exercise.id} exercise={publicExercise(exercise)} text={exerciseTexts[i]!} />
            ))}
          </section>
        )}

        {lesson.quiz && (
          <section className="lesson-extra" aria-label="Quiz">
            {/* Only the answer-free view of each question reaches the page; grading happens on the server. */}
            <QuizForm lessonId={lesson.id} questions={lesson.quiz.questions.map(publicQuestion)} />
          </section>
        )}

        <LessonPager previous={previous} next={next} />
      </article>
      <div className="lesson-aside">
        <TableOfContents headings={lesson.headings.map(({ id, text, depth }) => ({ id, text, depth }))} />
      </div>
      <LessonTracker lessonId={lesson.id} />
      <LessonKeyNav previousHref={previous?.href} nextHref={next?.href} />
      {process.env.NODE_ENV === "development" && <LessonLiveReload />}
    </div>
  );
}
