import { describe, expect, it } from "vitest";
import { getCatalog } from "@/lib/content/catalog";
import { advise, lessonFor } from "@/lib/path/advisor";
import { getPathCatalog } from "@/lib/path/catalog-source";
import { LANGUAGE_TRACKS } from "@/lib/course/vocabulary";
import { ADVISOR_CRITERIA, TOPIC_LABELS } from "@/lib/path/rules";

// The rules table names topics so the advisor can link each reason to the lesson that teaches it. A tag no lesson
// carries silently links to some unrelated lesson instead, so every tag must be one the real lessons use.

const catalog = getPathCatalog();
const lessonTopics = new Set(catalog.flatMap((e) => e.topics));
const quizTopics = new Set(getCatalog().lessons.flatMap((l) => l.quiz?.questions.flatMap((q) => q.topics) ?? []));

describe("the rules table's topics", () => {
  const named = ADVISOR_CRITERIA.flatMap((c) => Object.entries(c.topics).flatMap(([scope, topics]) => topics.map((topic) => ({ criterion: c.id, scope, topic }))));

  it.each(named)("$criterion ($scope): $topic is a topic of a real lesson", ({ topic }) => {
    expect([...lessonTopics]).toContain(topic);
  });

  it("labels only topics the lessons or their quizzes use", () => {
    for (const topic of Object.keys(TOPIC_LABELS)) expect(lessonTopics.has(topic) || quizTopics.has(topic)).toBe(true);
  });

  it.each(ADVISOR_CRITERIA.flatMap((c) => LANGUAGE_TRACKS.map((language) => ({ c, language }))))(
    "$c.id links a $language recommendation to a lesson that teaches one of its topics",
    ({ c, language }) => {
      const id = lessonFor(c, language, catalog);
      const lesson = catalog.find((e) => e.id === id)!;
      const topics = [...(c.topics[language] ?? []), ...c.topics.general];
      expect(lesson.topics.some((t) => topics.includes(t))).toBe(true);
      // The recommended language's own lesson when it teaches the topic; the choosing track's otherwise.
      const own = catalog.find((e) => e.track === language && e.topics.some((t) => topics.includes(t)));
      if (own) expect(lesson.track).toBe(language);
      else expect(lesson.track).toBe("choosing");
    },
  );

  it("gives a real recommendation reasons that all link to real lessons", () => {
    const result = advise(
      { requestsPerSecond: 200_000, p99LatencyMs: 5, teamLanguages: ["TypeScript", "C++"], needsML: true, realTime: true, timeToMarket: "weeks", budget: "low" },
      catalog,
    );
    const ids = new Set(catalog.map((e) => e.id));
    expect(result.reasons.length).toBeGreaterThan(5);
    for (const reason of result.reasons) expect(ids.has(reason.lessonId!)).toBe(true);
  });
});
