import { describe, expect, it } from "vitest";
import type { ProgressEvent } from "@/lib/progress/events";
import {
  applyWrites,
  emptyRecords,
  exerciseDraftKey,
  plan,
  recordsScope,
  type GradedResult,
  type LessonRequirements,
  type PlanContext,
  type Records,
  type VerifiedEvent,
  type Writes,
} from "@/lib/progress/model";
import { nextReviewCard } from "@/lib/progress/review-schedule";
import { learnerState, summarize } from "@/lib/progress/summary";
import { onboardingAnswersSchema } from "@/lib/path/schema";

// Table tests of the pure progress model: (records, verified events) → writes, and writes → records. The server's
// ledger, a guest's browser and the merge all run exactly this, so what holds here holds for all three.

const T = (iso: string) => new Date(`2026-03-${iso}Z`);
const WINDOW = { from: T("01T00:00:00"), to: T("10T00:00:00") };

const LESSONS: LessonRequirements[] = [
  { lessonId: "go/01-quiz", hasQuiz: true, exerciseIds: [] },
  { lessonId: "go/02-exercises", hasQuiz: false, exerciseIds: ["go/02-exercises/one", "go/02-exercises/two"] },
  { lessonId: "go/03-both", hasQuiz: true, exerciseIds: ["go/03-both/x"] },
  { lessonId: "go/04-reading", hasQuiz: false, exerciseIds: [] },
];
const CTX: PlanContext = { window: WINDOW, requirements: (id) => LESSONS.find((l) => l.lessonId === id) ?? null };

const JS_DEV = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 4 });

// ── Verified events, as the server's verification (or a guest's shown verdicts) hands them to the model ──────────

const iso = (at: string) => T(at).toISOString();
const visit = (id: string, lessonId: string, seconds: number, at: string): VerifiedEvent => ({ event: { type: "visit", id, lessonId, seconds, at: iso(at) } });
const quiz = (id: string, quizId: string, at: string, passed: boolean, results: GradedResult[] = []): VerifiedEvent => ({
  event: { type: "quiz", id, quizId, answers: {}, at: iso(at) },
  graded: { score: passed ? 1 : 0, passed, results },
});
const exercise = (id: string, exerciseId: string, at: string, passed: boolean, code = "package main"): VerifiedEvent => ({
  event: { type: "exercise", id, exerciseId, language: "go", code, at: iso(at) },
  checked: { passed, results: null },
});
const draft = (id: string, key: string, code: string | null, at: string): VerifiedEvent => ({
  event: { type: "draft", id, key, code, language: code === null ? undefined : "javascript", result: null, at: iso(at) },
});
const onboarding = (id: string, at: string, answers = JS_DEV): VerifiedEvent => ({ event: { type: "onboarding", id, answers, at: iso(at) } });
const placement = (id: string, at: string, passedLessonIds: string[]): VerifiedEvent => ({ event: { type: "placement", id, answers: {}, at: iso(at) }, passedLessonIds });
const wrongOn = (topic: string): GradedResult => ({ questionId: `q-${topic}`, correct: false, topics: [topic] });
const rightOn = (topic: string): GradedResult => ({ questionId: `q-${topic}`, correct: true, topics: [topic] });

/** Plans the events against the records and applies the writes: what the tables (or the browser) hold after. */
function run(events: VerifiedEvent[], records: Records = emptyRecords()): { writes: Writes; records: Records } {
  const writes = plan(records, events, CTX);
  return { writes, records: applyWrites(records, writes) };
}

const NOTHING: Writes = { eventIds: [], lessons: [], attempts: [], submissions: [], mastery: [], reviews: [], days: [], drafts: [], onboarding: null };

describe("completion: the last requirement first met", () => {
  it.each([
    { why: "quiz only: the first passing attempt", lessonId: "go/01-quiz", completed: "02T10:00:00",
      events: [quiz("quiz-0001", "go/01-quiz", "01T10:00:00", false), quiz("quiz-0002", "go/01-quiz", "02T10:00:00", true), quiz("quiz-0003", "go/01-quiz", "03T10:00:00", true)] },
    { why: "quiz only, never passed", lessonId: "go/01-quiz", completed: null, events: [quiz("quiz-0001", "go/01-quiz", "01T10:00:00", false)] },
    { why: "exercises only: when the last one first passed", lessonId: "go/02-exercises", completed: "04T10:00:00",
      events: [
        exercise("exer-0001", "go/02-exercises/one", "01T10:00:00", true),
        exercise("exer-0002", "go/02-exercises/two", "02T10:00:00", false),
        exercise("exer-0003", "go/02-exercises/two", "04T10:00:00", true),
        exercise("exer-0004", "go/02-exercises/one", "05T10:00:00", true),
      ] },
    { why: "exercises only, one still failing", lessonId: "go/02-exercises", completed: null,
      events: [exercise("exer-0001", "go/02-exercises/one", "01T10:00:00", true), exercise("exer-0002", "go/02-exercises/two", "02T10:00:00", false)] },
    { why: "both, exercise first then the quiz", lessonId: "go/03-both", completed: "03T10:00:00",
      events: [exercise("exer-0001", "go/03-both/x", "01T10:00:00", true), quiz("quiz-0001", "go/03-both", "03T10:00:00", true)] },
    { why: "both, quiz first then the exercise", lessonId: "go/03-both", completed: "05T10:00:00",
      events: [quiz("quiz-0001", "go/03-both", "01T10:00:00", true), exercise("exer-0001", "go/03-both/x", "05T10:00:00", true)] },
    { why: "both, the exercise not yet passed", lessonId: "go/03-both", completed: null,
      events: [quiz("quiz-0001", "go/03-both", "01T10:00:00", true), exercise("exer-0001", "go/03-both/x", "05T10:00:00", false)] },
    { why: "neither quiz nor exercises: opening it completes nothing", lessonId: "go/04-reading", completed: null, events: [visit("visit-0001", "go/04-reading", 600, "01T10:00:00")] },
    { why: "a lesson the catalog does not know", lessonId: "go/09-gone", completed: null, events: [visit("visit-0001", "go/09-gone", 0, "01T10:00:00")] },
  ])("$why", ({ lessonId, events, completed }) => {
    // In one batch, and one event at a time: the same instant either way, and in any order of arrival.
    const together = run(events).records;
    const oneByOne = [...events].reverse().reduce((records, e) => run([e], records).records, emptyRecords());
    for (const records of [together, oneByOne]) expect(records.lessons.get(lessonId)?.completedAt ?? null).toEqual(completed && T(completed));
  });

  it("a pass merged late from another device moves the instant back", () => {
    const { records } = run([quiz("quiz-0002", "go/01-quiz", "05T10:00:00", true)]);
    const { writes } = run([quiz("quiz-0001", "go/01-quiz", "02T10:00:00", true)], records);
    expect(writes.lessons).toMatchObject([{ lessonId: "go/01-quiz", completedAt: T("02T10:00:00") }]);
  });

  it("a lesson completed once stays completed at that instant", () => {
    const { records } = run([quiz("quiz-0001", "go/01-quiz", "02T10:00:00", true)]);
    const { writes, records: after } = run([quiz("quiz-0002", "go/01-quiz", "01T09:00:00", false)], records);
    expect(writes.lessons).toMatchObject([{ lessonId: "go/01-quiz", completedAt: T("02T10:00:00"), startedAt: T("01T09:00:00") }]);
    expect(after.lessons.get("go/01-quiz")?.completedAt).toEqual(T("02T10:00:00"));
  });
});

describe("idempotency", () => {
  const events = [
    visit("visit-0001", "go/01-quiz", 0, "01T10:00:00"),
    visit("visit-0002", "go/01-quiz", 300, "01T10:05:00"),
    quiz("quiz-0001", "go/01-quiz", "01T10:06:00", true, [wrongOn("channels"), rightOn("select")]),
    exercise("exer-0001", "go/03-both/x", "01T10:07:00", true),
    draft("draft-0001", "examples/go/01-quiz/hello", "fmt.Println(1)", "01T10:08:00"),
    onboarding("onbo-0001", "01T09:00:00"),
  ];

  it("the same events a second time write nothing", () => {
    const first = run(events);
    expect(first.writes.eventIds).toHaveLength(events.length);
    expect(plan(first.records, events, CTX)).toEqual(NOTHING);
  });

  it("an event twice in one batch counts once", () => {
    const { writes, records } = run([...events, ...events]);
    expect(writes.eventIds).toHaveLength(events.length);
    expect(writes.attempts).toHaveLength(1);
    expect(writes.submissions).toHaveLength(1);
    expect(records.lessons.get("go/01-quiz")?.timeSpentSeconds).toBe(300);
    expect(records.mastery.get("channels")).toEqual({ correct: 0, total: 1 });
    expect(records.days.get("2026-03-01")).toEqual({ seconds: 300, actions: 3 });
  });

  it("the same id for another kind of event is another event", () => {
    const { writes } = run([visit("same-0001", "go/01-quiz", 0, "01T10:00:00"), quiz("same-0001", "go/01-quiz", "01T10:01:00", false)]);
    expect(writes.eventIds).toEqual(["quiz:same-0001", "visit:same-0001"]);
  });
});

describe("time: wall-clock, inside the window, at most 24 hours a day", () => {
  const seconds = (events: VerifiedEvent[], records?: Records) => run(events, records).records;
  it.each([
    { why: "a visit is its seconds", events: [visit("visit-0001", "go/01-quiz", 300, "02T10:00:00")], lesson: 300, days: { "2026-03-02": 300 } },
    { why: "before the window opened: only the part inside it", events: [visit("visit-0001", "go/01-quiz", 600, "01T00:01:00")], lesson: 60, days: { "2026-03-01": 60 } },
    { why: "after the window closed: clamped to its end", events: [visit("visit-0001", "go/01-quiz", 600, "20T00:00:00")], lesson: 600, days: { "2026-03-09": 600 } },
    { why: "overlapping visits count their union", events: [visit("visit-0001", "go/01-quiz", 600, "02T10:10:00"), visit("visit-0002", "go/01-quiz", 600, "02T10:15:00")], lesson: 900, days: { "2026-03-02": 900 } },
    { why: "a visit across midnight is split between the two days", events: [visit("visit-0001", "go/01-quiz", 600, "03T00:04:00")], lesson: 600, days: { "2026-03-02": 360, "2026-03-03": 240 } },
  ])("$why", ({ events, lesson, days }) => {
    const records = seconds(events);
    expect(records.lessons.get("go/01-quiz")?.timeSpentSeconds).toBe(lesson);
    expect(Object.fromEntries([...records.days].map(([day, d]) => [day, d.seconds]))).toEqual(days);
  });

  it("overlapping visits in two lessons: the earlier one keeps the shared minutes", () => {
    const records = seconds([visit("visit-0001", "go/01-quiz", 600, "02T10:10:00"), visit("visit-0002", "go/03-both", 600, "02T10:15:00")]);
    expect(records.lessons.get("go/01-quiz")?.timeSpentSeconds).toBe(600);
    expect(records.lessons.get("go/03-both")?.timeSpentSeconds).toBe(300);
  });

  it("a day already holding 23 hours takes one more hour, whatever is claimed", () => {
    const held = emptyRecords();
    held.days.set("2026-03-02", { seconds: 23 * 3600, actions: 4 });
    const records = seconds([visit("visit-0001", "go/01-quiz", 4 * 3600, "02T20:00:00")], held);
    expect(records.days.get("2026-03-02")).toEqual({ seconds: 24 * 3600, actions: 4 });
    expect(records.lessons.get("go/01-quiz")?.timeSpentSeconds).toBe(3600);
  });

  it("opening a lesson is an action; time saved later is not another one", () => {
    const records = seconds([visit("visit-0001", "go/01-quiz", 0, "02T10:00:00"), visit("visit-0002", "go/01-quiz", 120, "02T10:02:00")]);
    expect(records.days.get("2026-03-02")).toEqual({ seconds: 120, actions: 1 });
    expect(records.lessons.get("go/01-quiz")).toMatchObject({ startedAt: T("02T10:00:00"), lastOpenedAt: T("02T10:02:00") });
  });
});

describe("newer wins: drafts and onboarding answers", () => {
  const KEY = "examples/go/01-quiz/hello";
  const held = run([draft("draft-0001", KEY, "v2", "05T10:00:00"), onboarding("onbo-0001", "05T10:00:00")]).records;

  it.each([
    { why: "an older draft from another device is ignored", event: draft("draft-0002", KEY, "v1", "04T10:00:00"), code: "v2" },
    { why: "a newer draft replaces it", event: draft("draft-0002", KEY, "v3", "06T10:00:00"), code: "v3" },
    { why: "an older removal is ignored", event: draft("draft-0002", KEY, null, "04T10:00:00"), code: "v2" },
    { why: "a newer removal removes it", event: draft("draft-0002", KEY, null, "06T10:00:00"), code: undefined },
  ])("$why", ({ event, code }) => {
    expect(run([event], held).records.drafts.get(KEY)?.code).toBe(code);
  });

  it("removing a draft that does not exist writes nothing for it", () => {
    expect(run([draft("draft-0001", KEY, null, "04T10:00:00")]).writes.drafts).toEqual([]);
  });

  it("older onboarding answers do not replace newer ones; newer ones do", () => {
    const systems = onboardingAnswersSchema.parse({ ...JS_DEV, background: "systems" });
    expect(run([onboarding("onbo-0002", "04T10:00:00", systems)], held).records.onboarding?.answers.background).toBe("frontend-js");
    expect(run([onboarding("onbo-0002", "06T10:00:00", systems)], held).records.onboarding).toEqual({ answers: systems, updatedAt: T("06T10:00:00") });
  });
});

describe("placement", () => {
  it("a placement before the onboarding answers waits for them", () => {
    const { records } = run([placement("plac-0001", "01T10:00:00", ["go/01-quiz"]), onboarding("onbo-0001", "01T10:05:00")]);
    expect(records.onboarding?.answers.placement).toEqual({ passedLessonIds: ["go/01-quiz"] });
  });

  it("a placement with no onboarding answers at all is not kept", () => {
    expect(run([placement("plac-0001", "01T10:00:00", ["go/01-quiz"])]).writes.onboarding).toBeNull();
  });

  it("a placement after the answers joins them; new answers later keep it", () => {
    const placed = run([onboarding("onbo-0001", "01T10:00:00"), placement("plac-0001", "01T10:05:00", ["go/01-quiz"])]).records;
    expect(placed.onboarding?.answers).toEqual({ ...JS_DEV, placement: { passedLessonIds: ["go/01-quiz"] } });
    const later = run([onboarding("onbo-0002", "02T10:00:00", { ...JS_DEV, hoursPerWeek: 8 })], placed).records;
    expect(later.onboarding?.answers).toEqual({ ...JS_DEV, hoursPerWeek: 8, placement: { passedLessonIds: ["go/01-quiz"] } });
  });
});

describe("mastery and reviews", () => {
  it("applyWrites adds mastery, days and time to what is held", () => {
    const first = run([quiz("quiz-0001", "go/01-quiz", "02T10:00:00", false, [wrongOn("channels"), rightOn("select")]), visit("visit-0001", "go/01-quiz", 60, "02T10:00:00")]);
    const second = run([quiz("quiz-0002", "go/01-quiz", "02T11:00:00", true, [rightOn("channels")]), visit("visit-0002", "go/01-quiz", 60, "02T11:00:00")], first.records);
    expect(second.writes.mastery).toEqual([{ topic: "channels", correct: 1, total: 1 }]);
    expect(Object.fromEntries(second.records.mastery)).toEqual({ channels: { correct: 1, total: 2 }, select: { correct: 1, total: 1 } });
    // Two attempts are two actions; time saved on an open page is not one.
    expect(second.records.days.get("2026-03-02")).toEqual({ seconds: 120, actions: 2 });
    expect(second.records.lessons.get("go/01-quiz")?.timeSpentSeconds).toBe(120);
  });

  it("a missed topic gets a review card; a right answer on an unseen topic gets none", () => {
    const { writes } = run([quiz("quiz-0001", "go/01-quiz", "02T10:00:00", false, [wrongOn("channels"), rightOn("select")])]);
    expect(writes.reviews.map((c) => [c.topic, c.lessonId, c.misses])).toEqual([["channels", "go/01-quiz", 1]]);
  });

  it("an older answer from another device does not rewind a card; a newer one moves it", () => {
    const card = nextReviewCard(null, "wrong", { topic: "channels", lessonId: "go/01-quiz", at: T("05T10:00:00") })!;
    const held = emptyRecords();
    held.reviews.set("channels", card);
    expect(run([quiz("quiz-0001", "go/01-quiz", "03T10:00:00", false, [wrongOn("channels")])], held).writes.reviews).toEqual([]);
    const newer = run([quiz("quiz-0002", "go/01-quiz", "08T10:00:00", false, [wrongOn("channels")])], held).records.reviews.get("channels")!;
    expect(newer.misses).toBe(2);
    expect(newer.lastMissedAt).toEqual(T("08T10:00:00"));
  });
});

describe("exercise checks", () => {
  it("write the exercise's draft with the code and its result, newer than an earlier edit", () => {
    const { records } = run([draft("draft-0001", exerciseDraftKey("go/03-both/x"), "edited", "02T10:00:00"), exercise("exer-0001", "go/03-both/x", "02T10:01:00", true, "solved")]);
    expect(records.drafts.get("exercise/go/03-both/x")).toEqual({
      key: "exercise/go/03-both/x",
      language: "go",
      code: "solved",
      result: { passed: true },
      updatedAt: T("02T10:01:00"),
    });
  });

  it("an edit after the check replaces the code and drops the result", () => {
    const { records } = run([exercise("exer-0001", "go/03-both/x", "02T10:01:00", false, "tried"), draft("draft-0001", exerciseDraftKey("go/03-both/x"), "edited", "02T10:02:00")]);
    expect(records.drafts.get("exercise/go/03-both/x")).toMatchObject({ code: "edited", result: null });
  });
});

describe("recordsScope: what a batch needs loaded", () => {
  it("names the lessons, their exercises, topics, drafts, days and onboarding the events touch", () => {
    const scope = recordsScope(
      [quiz("quiz-0001", "go/03-both", "02T10:00:00", false, [wrongOn("channels")]), exercise("exer-0001", "go/02-exercises/one", "02T10:00:00", true), placement("plac-0001", "02T10:00:00", [])],
      CTX,
    );
    expect(scope).toEqual({
      eventIds: ["quiz:quiz-0001", "exercise:exer-0001", "placement:plac-0001"],
      lessonIds: ["go/02-exercises", "go/03-both"],
      exerciseIds: ["go/02-exercises/one", "go/02-exercises/two", "go/03-both/x"],
      topics: ["channels"],
      draftKeys: ["exercise/go/02-exercises/one"],
      days: { from: "2026-03-01", to: "2026-03-10" },
      onboarding: true,
    });
  });
});

describe("summarize and learnerState", () => {
  const NOW = T("04T12:00:00");
  const { records } = run([
    onboarding("onbo-0001", "01T09:00:00"),
    placement("plac-0001", "01T09:01:00", ["go/04-reading"]),
    visit("visit-0001", "go/01-quiz", 0, "02T10:00:00"),
    quiz("quiz-0001", "go/01-quiz", "02T10:05:00", false, [wrongOn("channels"), rightOn("select")]),
    quiz("quiz-0002", "go/01-quiz", "03T10:05:00", true, [rightOn("channels"), wrongOn("Not A Tag")]),
    visit("visit-0002", "go/02-exercises", 600, "04T10:00:00"),
    exercise("exer-0001", "go/02-exercises/one", "04T10:01:00", false),
    exercise("exer-0002", "go/02-exercises/one", "04T10:02:00", true),
  ]);

  it("summarizes lessons, quizzes, exercises, topics and streaks", () => {
    const summary = summarize(records, NOW);
    expect(summary).toMatchObject({
      lessonsOpened: 2,
      lessonsCompleted: 1,
      continueLessonId: "go/02-exercises",
      totalSeconds: 600,
      streak: { current: 3, longest: 3 },
    });
    expect(summary.lessons.map((l) => [l.lessonId, l.completedAt])).toEqual([
      ["go/02-exercises", null],
      ["go/01-quiz", T("03T10:05:00").toISOString()],
    ]);
    expect(summary.quizzes).toMatchObject([{ quizId: "go/01-quiz", attempts: 2, bestScore: 1, lastScore: 1, passed: true }]);
    expect(summary.exercises).toMatchObject([{ exerciseId: "go/02-exercises/one", lessonId: "go/02-exercises", checks: 2, passed: true, firstPassedAt: T("04T10:02:00").toISOString() }]);
    expect(summary.topics.map((t) => [t.topic, t.correct, t.total])).toEqual([
      ["Not A Tag", 0, 1],
      ["channels", 1, 2],
      ["select", 1, 1],
    ]);
    expect(summary.activity.map((d) => d.day)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
  });

  it("is the path engine's learner state, leaving out what its schema refuses", () => {
    const state = learnerState(records);
    expect(state.completedLessonIds).toEqual(["go/01-quiz"]);
    expect(state.placementPassedLessonIds).toEqual(["go/04-reading"]);
    expect(state.mastery).toEqual({ channels: { correct: 1, total: 2 }, select: { correct: 1, total: 1 } });
    expect(state.reviewItems.map((r) => [r.topic, r.lessonId, r.misses])).toEqual([["channels", "go/01-quiz", 1]]);
  });

  it("an empty learner has an empty summary", () => {
    expect(summarize(emptyRecords(), NOW)).toMatchObject({ lessonsOpened: 0, lessonsCompleted: 0, continueLessonId: null, totalSeconds: 0, streak: { current: 0, longest: 0 } });
  });
});

// Keep the event helpers honest: what they build is what the event schema accepts.
it("the helpers build valid events", async () => {
  const { progressEventSchema } = await import("@/lib/progress/events");
  const all: ProgressEvent[] = [
    visit("visit-0001", "go/01-quiz", 0, "01T10:00:00"),
    quiz("quiz-0001", "go/01-quiz", "01T10:00:00", true),
    exercise("exer-0001", "go/03-both/x", "01T10:00:00", true),
    draft("draft-0001", "examples/a", "x", "01T10:00:00"),
    draft("draft-0002", "examples/a", null, "01T10:00:00"),
    onboarding("onbo-0001", "01T10:00:00"),
    placement("plac-0001", "01T10:00:00", []),
  ].map((v) => v.event);
  for (const event of all) expect(progressEventSchema.safeParse(event).success, JSON.stringify(event)).toBe(true);
});
