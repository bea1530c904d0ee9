import { ImageResponse } from "next/og";
import { getLesson, getTrack } from "@/lib/content/catalog";

// The picture a link to a lesson shows when shared. It is drawn from the catalog with next/og's bundled font and an
// inline SVG mark only: nothing is fetched, so it renders on a server without internet access.

export const alt = "The lesson's title and track on Backend Paths";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

type Params = Promise<{ track: string; lesson: string }>;

export default async function LessonImage({ params }: { params: Params }) {
  const { track: trackId, lesson: slug } = await params;
  const lesson = getLesson(trackId, slug);
  const track = getTrack(trackId);
  if (!lesson || !track) return new Response("No such lesson", { status: 404 });

  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#0f1115", color: "#e8eaf0" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 34, fontWeight: 700 }}>
          <svg width="56" height="56" viewBox="0 0 64 64">
            <rect width="64" height="64" rx="14" fill="#1f5fd1" />
            <path d="M14 32h33M35 19l13 13-13 13" fill="none" stroke="#fff" strokeWidth="7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Backend Paths
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
          <div style={{ fontSize: 32, color: "#7aa7ff" }}>{track.title}</div>
          <div style={{ fontSize: 72, fontWeight: 700, lineHeight: 1.1 }}>{lesson.title}</div>
          <div style={{ fontSize: 32, color: "#a9b0bf", lineHeight: 1.35 }}>{lesson.summary}</div>
        </div>
      </div>
    ),
    size,
  );
}
