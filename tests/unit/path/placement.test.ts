import { describe, expect, it } from "vitest";
import type { Question, Quiz, SubmittedAnswers } from "@/lib/content/quiz-schema";
import { getCatalog } from "@/lib/content/catalog";
import {
  buildPlacement,
  gradePlacement,
  PLACEMENT_LESSONS_PER_TRACK,
  PLACEMENT_QUESTIONS_PER_LESSON,
  publicPlacement,
  selectPlacementQuestions,
  unknownPlacementLessons,
  type PlacementLesson,
} from "@/lib/path/placement";
import { getPlacement } from "@/lib/path/placement-source";
import { rightAnswer } from "../../support/quiz-answers";

const q = (id: string, kind: Question["kind"], topics: string[]): Question => {
  const base = { id, prompt: `Question ${id}?`, explanation: "Because.", topics };
  switch (kind) {
    case "single":
      return { ...base, kind, choices: [{ id: "a", text: "A" }, { id: "b", text: "B" }], answer: "a" };
    case "multiple":
      return { ...base, kind, choices: [{ id: "a", text: "A" }, { id: "b", text: "B" }, { id: "c", text: "C" }], answer: ["a", "b"] };
    case "true-false":
      return { ...base, kind, answer: true };
    case "numeric":
      return { ...base, kind, answer: 18, tolerance: 0 };
    case "output":
      return { ...base, kind, language: "python", code: "print(1)", answer: "1" };
    case "order":
      return { ...base, kind, items: [{ id: "x", text: "X" }, { id: "y", text: "Y" }], answer: ["x", "y"] };
    case "fill-blank":
      return { ...base, kind, language: "go", code: "___ f()", answer: [["go"]] };
  }
};
const quiz = (...questions: Question[]): Quiz => ({ passMark: 0.8, questions });

const allRight = (lesson: PlacementLesson) => Object.fromEntries(lesson.questions.map((x) => [x.id, rightAnswer(x)]));

describe("selectPlacementQuestions", () => {
  it.each([
    {
      name: "quick kinds before code-reading ones",
      quiz: quiz(q("out", "output", ["a"]), q("one", "single", ["b"]), q("tf", "true-false", ["c"])),
      picked: ["one", "tf"],
    },
    {
      name: "a second topic before a second question on the same topic",
      quiz: quiz(q("s1", "single", ["a"]), q("s2", "single", ["a"]), q("n", "numeric", ["b"])),
      picked: ["s1", "n"],
    },
    {
      name: "a question that covers only seen topics when nothing else is left",
      quiz: quiz(q("s1", "single", ["a"]), q("s2", "single", ["a"])),
      picked: ["s1", "s2"],
    },
    {
      name: "slower kinds when there are not enough quick ones",
      quiz: quiz(q("fb", "fill-blank", ["a"]), q("m", "multiple", ["b"]), q("o", "order", ["c"])),
      picked: ["fb", "m"],
    },
    { name: "the whole quiz when it is shorter than the budget", quiz: quiz(q("only", "output", ["a"])), picked: ["only"] },
  ])("picks $name, in the quiz's own order", ({ quiz, picked }) => {
    expect(selectPlacementQuestions(quiz).map((x) => x.id)).toEqual(picked);
    expect(selectPlacementQuestions(quiz)).toEqual(selectPlacementQuestions(quiz));
  });
});

describe("buildPlacement", () => {
  it("takes the first lessons with a quiz in each track, at most the per-track budget", () => {
    const sources = [
      { lessonId: "go/01-a", title: "A", track: "go" as const, quiz: null },
      ...["02-b", "03-c", "04-d", "05-e"].map((slug) => ({ lessonId: `go/${slug}`, title: slug, track: "go" as const, quiz: quiz(q("s", "single", ["a"])) })),
      { lessonId: "rust/01-a", title: "R", track: "rust" as const, quiz: quiz(q("s", "single", ["a"]), q("t", "true-false", ["b"]), q("n", "numeric", ["c"])) },
      { lessonId: "node/01-empty", title: "N", track: "node" as const, quiz: { passMark: 1, questions: [] } },
    ];
    const placement = buildPlacement(sources);
    expect(placement.map((l) => l.lessonId)).toEqual(["go/02-b", "go/03-c", "rust/01-a"]);
    expect(PLACEMENT_LESSONS_PER_TRACK).toBe(2);
    expect(placement.at(-1)!.questions.map((x) => x.id)).toEqual(["s", "t"]);
  });

  it("builds from the real lessons: each track's first lessons with a quiz, two questions each, and no answer in the public view", { timeout: 30_000 }, () => {
    const placement = getPlacement();
    const { tracks, lessons } = getCatalog();
    const firstPerTrack = tracks.flatMap((t) => lessons.filter((l) => l.trackId === t.id && l.quiz).slice(0, PLACEMENT_LESSONS_PER_TRACK));
    expect(placement.map((l) => l.lessonId).sort()).toEqual(firstPerTrack.map((l) => l.id).sort());
    for (const lesson of placement) expect(lesson.questions).toHaveLength(PLACEMENT_QUESTIONS_PER_LESSON);
    const total = placement.reduce((n, l) => n + l.questions.length, 0);
    expect(total).toBeLessThanOrEqual(20); // about 20 seconds a question: seven minutes
    const text = JSON.stringify(publicPlacement(placement));
    expect(text).not.toMatch(/"answer"|"explanation"|"tolerance"/);
  });
});

describe("gradePlacement", () => {
  const lessons: PlacementLesson[] = [
    { lessonId: "go/01-goroutines", title: "Goroutines", track: "go", questions: [q("tf", "true-false", ["goroutines"]), q("m", "multiple", ["context"])] },
    { lessonId: "rust/01-ownership", title: "Ownership", track: "rust", questions: [q("s", "single", ["ownership"]), q("n", "numeric", ["async-rust"])] },
  ];

  it.each<{ name: string; answers: Record<string, SubmittedAnswers>; passed: string[]; correct: number[] }>([
    { name: "all right on both lessons", answers: { "go/01-goroutines": allRight(lessons[0]!), "rust/01-ownership": allRight(lessons[1]!) }, passed: ["go/01-goroutines", "rust/01-ownership"], correct: [2, 2] },
    { name: "nothing answered", answers: {}, passed: [], correct: [0, 0] },
    { name: "one lesson right, the other skipped", answers: { "rust/01-ownership": { s: "a", n: "18" } }, passed: ["rust/01-ownership"], correct: [0, 2] },
    { name: "one wrong answer keeps the lesson", answers: { "go/01-goroutines": { tf: false, m: ["a", "b"] } }, passed: [], correct: [1, 0] },
    { name: "partial credit on multiple choice is not enough", answers: { "go/01-goroutines": { tf: true, m: ["a"] } }, passed: [], correct: [1, 0] },
    { name: "ill-typed answers are simply wrong", answers: { "go/01-goroutines": { tf: "true", m: "a" } }, passed: [], correct: [0, 0] },
    { name: "answers to questions not in placement are ignored", answers: { "go/01-goroutines": { ...allRight(lessons[0]!), extra: "x" } }, passed: ["go/01-goroutines"], correct: [2, 0] },
  ])("$name", ({ answers, passed, correct }) => {
    const result = gradePlacement(lessons, answers);
    expect(result.passedLessonIds).toEqual(passed);
    expect(result.lessons.map((l) => l.correct)).toEqual(correct);
    expect(result.lessons.map((l) => l.total)).toEqual([2, 2]);
    expect(result.lessons.filter((l) => l.passed).map((l) => l.lessonId)).toEqual(passed);
  });

  it("grades the real placement with the real quizzes' answers", () => {
    const placement = getPlacement();
    const [first, second] = placement;
    const result = gradePlacement(placement, { [first!.lessonId]: allRight(first!), [second!.lessonId]: {} });
    expect(result.passedLessonIds).toEqual([first!.lessonId]);
  });

  it("names the submitted lessons that are not in the placement quiz", () => {
    expect(unknownPlacementLessons(lessons, { "go/01-goroutines": {}, "go/09-nope": {}, "node/01-x": {} })).toEqual(["go/09-nope", "node/01-x"]);
    expect(unknownPlacementLessons(lessons, {})).toEqual([]);
  });
});
