import { describe, expect, it } from "vitest";
import path from "node:path";
import { loadContent } from "@/lib/content/load";
import { formatSourceDate } from "@/lib/content/sources";

describe("formatSourceDate", () => {
  it.each([
    ["2025-07-09", "9 July 2025"],
    ["2025-05", "May 2025"],
    ["2025", "2025"],
  ])("%s reads as %s: no more precise than the source", (date, text) => {
    expect(formatSourceDate(date)).toBe(text);
  });
});

describe("the course's sources", () => {
  const { catalog } = loadContent(path.resolve(import.meta.dirname, "../../../lessons"));

  it("lists the four source articles, each dated", () => {
    const articles = catalog.sources.filter((s) => s.kind === "article");
    expect(articles.length).toBeGreaterThanOrEqual(4);
    for (const source of catalog.sources) expect(source.date).toMatch(/^\d{4}/);
  });

  it("every cited source exists and every lesson's citations are listed on it", () => {
    const ids = new Set(catalog.sources.map((s) => s.id));
    for (const lesson of catalog.lessons) for (const id of lesson.citedSources) expect(ids.has(id)).toBe(true);
  });
});
