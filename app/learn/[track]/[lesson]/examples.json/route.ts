import { getCatalog, getLesson } from "@/lib/content/catalog";
import { highlightCode } from "@/lib/content/highlight";

// Every example of a lesson, highlighted, by file name: a static file built with the page. The page carries only the
// code it shows first; a Compare block fetches its other languages from here when the learner picks one
// (components/lesson/compare-block.tsx), which keeps the largest lesson's HTML under its budget (issue 15).
export const dynamic = "force-static";
export const dynamicParams = false;

type Params = Promise<{ track: string; lesson: string }>;

export function generateStaticParams() {
  return getCatalog().lessons.map((l) => ({ track: l.trackId, lesson: l.slug }));
}

export async function GET(_request: Request, { params }: { params: Params }) {
  const { track, lesson: slug } = await params;
  const lesson = getLesson(track, slug);
  // Only reached if the catalog changed under a running dev server: every built lesson has this file.
  if (!lesson) return Response.json({ error: "No such lesson." }, { status: 404 });
  const sources = await Promise.all(lesson.examples.map(async (e) => [e.file, await highlightCode(e.code, e.language)] as const));
  return Response.json(Object.fromEntries(sources));
}
