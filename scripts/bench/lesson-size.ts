import { gzipSync } from "node:zlib";
import { getCatalog } from "@/lib/content/catalog";
import type { BenchContext } from "./context";
import type { Figure } from "./figures";

// Measurement 1, sizes: what a browser downloads for a lesson page. Every lesson is fetched from the running server
// (a lesson's size depends on its examples, quiz and prose, so the largest is found, not assumed), gzipped here at
// level 6 (what a typical server does per request) so the figure does not depend on the server's choice of encoding.

const GROUP = "Lesson pages";
const HTML_BUDGET = 120_000;
const GZIP_BUDGET = 30_000;

export type PageSize = { path: string; html: number; gzip: number; payload: number };

/** The bytes of the page's inline React Server Components payload (Next's `self.__next_f.push` scripts). */
export function inlinePayloadBytes(html: string): number {
  let bytes = 0;
  for (const [script] of html.matchAll(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g)) bytes += Buffer.byteLength(script);
  return bytes;
}

async function pageSize(base: string, path: string): Promise<PageSize> {
  const response = await fetch(base + path, { headers: { "accept-encoding": "identity" } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const html = body.toString("utf8");
  return { path, html: body.byteLength, gzip: gzipSync(body, { level: 6 }).byteLength, payload: inlinePayloadBytes(html) };
}

/** Every lesson page's sizes, largest HTML first. */
export async function lessonPageSizes(base: string): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  for (const lesson of getCatalog().lessons) sizes.push(await pageSize(base, `/learn/${lesson.id}`));
  return sizes.sort((a, b) => b.html - a.html);
}

export async function measureLessonSize(ctx: BenchContext): Promise<Figure[]> {
  const sizes = await lessonPageSizes(ctx.server.url);
  const largest = sizes[0];
  if (!largest) throw new Error("the catalog has no lessons");
  // The page with the most gzipped bytes need not be the one with the most HTML: the budget holds for every page.
  const largestGzip = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const catalog = await pageSize(ctx.server.url, "/learn");
  ctx.log(`lesson sizes: ${sizes.length} lessons, largest ${largest.path} ${largest.html} B`);
  return [
    {
      group: GROUP,
      id: "pages.largest-html",
      label: "largest lesson page, HTML",
      value: largest.html,
      unit: "bytes",
      better: "lower",
      budget: { limit: HTML_BUDGET, on: "value" },
      note: largest.path,
    },
    {
      group: GROUP,
      id: "pages.largest-gzip",
      label: "largest lesson page, gzipped (level 6)",
      value: largestGzip.gzip,
      unit: "bytes",
      better: "lower",
      budget: { limit: GZIP_BUDGET, on: "value" },
      note: largestGzip.path,
    },
    {
      group: GROUP,
      id: "pages.largest-payload",
      label: "largest lesson page, inline payload (in its HTML)",
      value: largest.payload,
      unit: "bytes",
      better: "lower",
      note: `${largest.path}: the React Server Components data the page hydrates from`,
    },
    { group: GROUP, id: "pages.catalog-html", label: "catalog page (/learn), HTML", value: catalog.html, unit: "bytes", better: "lower" },
  ];
}
