import { describe, expect, it } from "vitest";
import { buildPath } from "@/lib/path/engine";
import { addDays } from "@/lib/days";
import { learnerStateSchema, onboardingAnswersSchema, type CatalogEntry, type Path } from "@/lib/path/schema";
import { PATH_CATALOG } from "@/tests/fixtures/path-catalog";

const NOW = new Date("2026-03-01T12:00:00Z");
const JS_DEV = onboardingAnswersSchema.parse({ background: "frontend-js", goals: ["real-time"], hoursPerWeek: 2 });
const learner = (state: Record<string, unknown>) => learnerStateSchema.parse(state);
const ids = (path: Path) => path.steps.map((s) => s.lessonId);
const pending = (path: Path) => path.steps.filter((s) => s.status !== "done");
const baseline = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: NOW });

describe("a fresh path", () => {
  it("has exactly one next step, the first lesson, and the rest later", () => {
    expect(baseline.steps[0]).toMatchObject({ lessonId: "choosing/01-the-landscape", status: "next" });
    expect(baseline.steps.slice(1).every((s) => s.status === "later")).toBe(true);
    expect(baseline.steps[2]!.lessonId).toBe("node/01-event-loop");
  });

  it("estimates time left at the weekly pace", () => {
    const minutes = baseline.steps.reduce((sum, s) => sum + s.minutes, 0);
    expect(baseline.minutesLeft).toBe(minutes);
    expect(baseline.weeksLeft).toBeCloseTo(Math.ceil((minutes / 120) * 10) / 10);
    const faster = buildPath({ answers: { ...JS_DEV, hoursPerWeek: 10 }, catalog: PATH_CATALOG, now: NOW });
    expect(faster.weeksLeft).toBeLessThan(baseline.weeksLeft);
  });
});

describe("adaptation", () => {
  it("a failed topic moves its lessons to the front and the reason says so", () => {
    const path = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: NOW, learner: learner({ mastery: { goroutines: { correct: 1, total: 3 } } }) });
    expect(ids(path).slice(0, 2)).toEqual(["go/01-goroutines", "go/02-channels"]);
    expect(path.steps[0]).toMatchObject({ status: "next", reason: "review: you missed 2 of 3 questions on goroutines" });
    expect(ids(path).indexOf("go/01-goroutines")).toBeLessThan(ids(baseline).indexOf("go/01-goroutines"));
    expect(path.whyThisOrder).toMatch(/to the front because a quiz/);
  });

  it("a weak topic from a track outside the path brings its lesson in, after its prerequisite", () => {
    const path = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: NOW, learner: learner({ mastery: { gil: { correct: 0, total: 2 } } }) });
    expect(ids(path).slice(0, 2)).toEqual(["python/01-python-for-the-web", "python/02-the-gil"]);
    expect(path.steps[0]!.reason).toBe('needed before "The GIL and concurrency"');
    expect(path.steps[1]!.reason).toBe("review: you missed 2 of 2 questions on the GIL");
  });

  it("the worst topic comes first", () => {
    const path = buildPath({
      answers: JS_DEV,
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({ mastery: { ownership: { correct: 2, total: 3 }, websockets: { correct: 0, total: 4 } } }),
    });
    // websockets (4 of 4 missed) outranks ownership (1 of 3): its lesson and the chain before it come first.
    expect(ids(path).slice(0, 3)).toEqual(["node/01-event-loop", "node/02-typescript-apis", "node/03-websockets"]);
    expect(path.steps[0]!.reason).toBe('needed before "Typed APIs with TypeScript"');
    expect(path.steps[2]!.reason).toBe("review: you missed 4 of 4 questions on websockets");
    expect(path.steps[3]).toMatchObject({ lessonId: "rust/01-ownership-and-async", reason: "review: you missed 1 of 3 questions on ownership" });
  });

  it("a topic answered well enough (80% or more) changes nothing", () => {
    const path = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: NOW, learner: learner({ mastery: { goroutines: { correct: 4, total: 5 } } }) });
    expect(ids(path)).toEqual(ids(baseline));
  });

  it("a review item that is due pulls its lesson forward and enters the review queue; a future one does not", () => {
    const due = buildPath({
      answers: JS_DEV,
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({
        reviewItems: [{ topic: "channels", dueAt: addDays(NOW, -1), lapses: 1, misses: 2, lastMissedAt: addDays(NOW, -2), reps: 2, lastReviewAt: addDays(NOW, -2) }],
      }),
    });
    expect(ids(due).slice(0, 2)).toEqual(["go/01-goroutines", "go/02-channels"]);
    expect(due.steps[1]!.reason).toBe("review: channels is due for review");
    expect(due.reviewQueue).toEqual([
      {
        topic: "channels",
        dueAt: addDays(NOW, -1).toISOString(),
        lapses: 1,
        lessonId: "go/02-channels",
        reason: "Due since 28 February: you missed it twice, last on 27 February.",
      },
    ]);

    const later = buildPath({
      answers: JS_DEV,
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({ reviewItems: [{ topic: "channels", dueAt: addDays(NOW, 3), misses: 1, lastMissedAt: addDays(NOW, -5), reps: 3, lastReviewAt: NOW }] }),
    });
    expect(ids(later)).toEqual(ids(baseline));
    expect(later.reviewQueue).toEqual([]);
    expect(later.upcomingReviews.map((r) => r.reason)).toEqual(["Next review in 3 days: you got it right today after missing it once."]);
  });

  it("lessons passed in placement drop out, and their dependants stay reachable", () => {
    const path = buildPath({
      answers: { ...JS_DEV, placement: { passedLessonIds: ["node/01-event-loop"] } },
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({ placementPassedLessonIds: ["choosing/01-the-landscape"] }),
    });
    expect(ids(path)).not.toContain("node/01-event-loop");
    expect(ids(path)).not.toContain("choosing/01-the-landscape");
    expect(ids(path)).toContain("node/02-typescript-apis");
    expect(path.steps[0]).toMatchObject({ lessonId: "choosing/02-selection-criteria", status: "next" });
    expect(path.minutesLeft).toBe(baseline.minutesLeft - 25 - 15);
    expect(path.whyThisOrder).toMatch(/2 lessons were left out/);
  });

  it("completing lessons marks them done, moves next along and lowers the time left", () => {
    const path = buildPath({
      answers: JS_DEV,
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({ completedLessonIds: ["choosing/01-the-landscape", "choosing/02-selection-criteria"] }),
    });
    expect(path.steps.slice(0, 2).map((s) => s.status)).toEqual(["done", "done"]);
    expect(pending(path)[0]).toMatchObject({ lessonId: "node/01-event-loop", status: "next" });
    expect(path.minutesLeft).toBe(baseline.minutesLeft - 35);
  });

  it("a weak topic whose lesson is already completed does not reorder unfinished lessons", () => {
    const path = buildPath({
      answers: JS_DEV,
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({ completedLessonIds: ["node/01-event-loop"], mastery: { async: { correct: 0, total: 1 } } }),
    });
    // async is taught by node/01 (done), python/01 and rust/01: the unfinished ones come forward.
    expect(pending(path).slice(0, 2).map((s) => s.lessonId)).toEqual(["python/01-python-for-the-web", "rust/01-ownership-and-async"]);
    expect(pending(path)[0]!.reason).toBe("review: you missed 1 of 1 question on async");
  });

  it("finishing everything leaves no next step and no time", () => {
    const all = baseline.steps.map((s) => s.lessonId);
    const path = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: NOW, learner: learner({ completedLessonIds: all }) });
    expect(path.steps.every((s) => s.status === "done")).toBe(true);
    expect([path.minutesLeft, path.weeksLeft]).toEqual([0, 0]);
  });

  it("prerequisites always come before the lessons that need them", () => {
    const path = buildPath({
      answers: JS_DEV,
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({ mastery: { lifetimes: { correct: 0, total: 2 }, websockets: { correct: 1, total: 3 } } }),
    });
    const position = new Map(ids(path).map((id, i) => [id, i]));
    for (const step of path.steps) {
      const entry = PATH_CATALOG.find((e) => e.id === step.lessonId)!;
      for (const pre of entry.prerequisites) if (position.has(pre)) expect(position.get(pre)!).toBeLessThan(position.get(step.lessonId)!);
    }
    expect(ids(path)).toContain("rust/01-ownership-and-async");
  });
});

describe("determinism", () => {
  const state = learner({ mastery: { goroutines: { correct: 0, total: 2 } }, completedLessonIds: ["choosing/01-the-landscape"], reviewItems: [{ topic: "gil", dueAt: NOW, lapses: 1 }] });

  it("the same input gives the same path, whatever the catalog order, without mutating the input", () => {
    const snapshot = JSON.stringify({ PATH_CATALOG, state });
    const a = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: NOW, learner: state });
    const b = buildPath({ answers: JS_DEV, catalog: [...PATH_CATALOG].reverse(), now: NOW, learner: state });
    const shuffled = [...PATH_CATALOG].sort((x, y) => (x.minutes % 7) - (y.minutes % 7) || y.id.localeCompare(x.id));
    const c = buildPath({ answers: JS_DEV, catalog: shuffled, now: NOW, learner: state });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(JSON.stringify({ PATH_CATALOG, state })).toBe(snapshot);
  });

  it("only the passed-in clock decides what is due", () => {
    const before = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: addDays(NOW, -1), learner: state });
    const after = buildPath({ answers: JS_DEV, catalog: PATH_CATALOG, now: NOW, learner: state });
    expect(before.reviewQueue).toEqual([]);
    expect(after.reviewQueue.map((r) => r.topic)).toEqual(["gil"]);
  });
});

describe("empty and odd input", () => {
  it("an empty catalog still chooses languages and gives an empty path", () => {
    const path = buildPath({ answers: JS_DEV, catalog: [], now: NOW });
    expect(path).toMatchObject({ primary: "node", secondary: "go", steps: [], minutesLeft: 0, weeksLeft: 0, reviewQueue: [] });
  });

  it("unknown topics and lesson ids in the learner state are ignored", () => {
    const path = buildPath({
      answers: JS_DEV,
      catalog: PATH_CATALOG,
      now: NOW,
      learner: learner({
        mastery: { "quantum-entanglement": { correct: 0, total: 5 } },
        completedLessonIds: ["cobol/01-punch-cards"],
        reviewItems: [{ topic: "quantum-entanglement", dueAt: NOW, lapses: 1 }],
      }),
    });
    expect(ids(path)).toEqual(ids(baseline));
    expect(path.reviewQueue).toEqual([{ topic: "quantum-entanglement", dueAt: NOW.toISOString(), lapses: 1, lessonId: null, reason: "Due today." }]);
  });

  it("a prerequisite cycle and a missing prerequisite neither hang nor drop lessons", () => {
    const cyclic: CatalogEntry[] = [
      { id: "choosing/01-a", track: "choosing", title: "A", minutes: 10, topics: [], prerequisites: ["choosing/02-b"] },
      { id: "choosing/02-b", track: "choosing", title: "B", minutes: 10, topics: [], prerequisites: ["choosing/01-a"] },
      { id: "node/01-c", track: "node", title: "C", minutes: 10, topics: ["loop"], prerequisites: ["node/01-c", "node/09-missing"] },
      { id: "go/01-d", track: "go", title: "D", minutes: 10, topics: ["loop"], prerequisites: ["go/02-e"] },
      { id: "go/02-e", track: "go", title: "E", minutes: 10, topics: [], prerequisites: ["go/01-d"] },
    ];
    const path = buildPath({ answers: JS_DEV, catalog: cyclic, now: NOW, learner: learner({ mastery: { loop: { correct: 0, total: 1 } } }) });
    expect([...ids(path)].sort()).toEqual(cyclic.map((e) => e.id).sort());
    expect(path.steps.filter((s) => s.status === "next")).toHaveLength(1);
  });

  it("duplicate lesson ids count once", () => {
    const path = buildPath({ answers: JS_DEV, catalog: [...PATH_CATALOG, PATH_CATALOG[0]!], now: NOW });
    expect(ids(path)).toEqual(ids(baseline));
  });
});
