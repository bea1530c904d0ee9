import fs from "node:fs";
import path from "node:path";

// Every page of the site, found on disk so a page is covered the day it lands: each app/**/page.tsx (route groups
// left out of the address), its dynamic segments filled with every real value from lessons/, and one address that
// no page answers (the 404 page).

const APP_DIR = path.join(process.cwd(), "app");
const LESSONS_DIR = path.join(process.cwd(), "lessons");
export const NOT_FOUND_ROUTE = "/no/such/page";

const subfolders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const tracks = () => subfolders(LESSONS_DIR).filter((name) => fs.existsSync(path.join(LESSONS_DIR, name, "track.yaml")));

// The values of each dynamic segment, given the segments already chosen before it (a lesson belongs to its track).
const SEGMENT_VALUES: Record<string, (chosen: Record<string, string>) => string[]> = {
  track: () => tracks(),
  lesson: ({ track }) => subfolders(path.join(LESSONS_DIR, track!)),
};

function pagePatterns(dir = APP_DIR, prefix: string[] = []): string[][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (entry.name === "api") return [];
      const group = /^\(.+\)$/.test(entry.name);
      return pagePatterns(path.join(dir, entry.name), group ? prefix : [...prefix, entry.name]);
    }
    return /^page\.tsx?$/.test(entry.name) ? [prefix] : [];
  });
}

function expand(segments: string[], chosen: Record<string, string> = {}): string[] {
  const index = segments.findIndex((segment) => segment.startsWith("["));
  if (index === -1) return [`/${segments.join("/")}`];
  const name = segments[index]!.replace(/^\[(?:\.\.\.)?(.+)\]$/, "$1");
  const values = SEGMENT_VALUES[name];
  if (!values) throw new Error(`add the real values of the [${name}] segment to SEGMENT_VALUES in tests/e2e/site-routes.ts`);
  return values(chosen).flatMap((value) => expand(segments.map((s, i) => (i === index ? value : s)), { ...chosen, [name]: value }));
}

/** Every page address, lessons included, then the 404 page. */
export function siteRoutes(): string[] {
  const routes = pagePatterns().flatMap((segments) => expand(segments));
  return [...routes.sort(), NOT_FOUND_ROUTE];
}
