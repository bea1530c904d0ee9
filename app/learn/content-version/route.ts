import fs from "node:fs";
import path from "node:path";

// Development only: the newest modification time under lessons/, polled by <LessonLiveReload> so a saved lesson
// re-renders without a manual reload. Next's own file watcher does not see lessons/ (nothing imports it).
export const dynamic = "force-dynamic";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function GET() {
  if (process.env.NODE_ENV !== "development") return new Response("Not found", { status: 404 });
  return Response.json({ version: newestMtime(path.join(process.cwd(), "lessons")) }, { headers: { "Cache-Control": "no-store" } });
}
