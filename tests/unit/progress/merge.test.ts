import { describe, expect, it } from "vitest";
import { quizSchema } from "@/lib/content/quiz-schema";
import { gradeQuiz } from "@/lib/grading/quiz";
import { guestStateSchema, type GuestState } from "@/lib/progress/guest-schema";
import { mergeGuestProgress, type GuestForMerge, type MergeWrites, type ServerSnapshot } from "@/lib/progress/rules";

const quiz = quizSchema.parse({
  questions: [
    { id: "one", prompt: "?", explanation: "!", topics: ["gil"], kind: "true-false", answer: true },
    { id: "two", prompt: "?", explanation: "!", topics: ["threads"], kind: "true-false", answer: false },
  ],
});
const LESSON = "python/03-gil";

/** The server's grading of every attempt, and its check of every exercise as passing what the browser said. */
function regrade(guest: GuestState): GuestForMerge {
  return {
    ...guest,
    quizAttempts: guest.quizAttempts.map((a) => ({ ...a, graded: a.quizId === LESSON ? gradeQuiz(quiz, a.answers) : null })),
    exercises: guest.exercises.map((e) => ({ ...e, checked: e.passed ? { passed: true, results: [] } : null })),
  };
}

function emptyServer(): ServerSnapshot {
  return { appliedEventIds: new Set(), lessons: new Map(), reviewItems: new Map(), daySeconds: new Map() };
}

/** The guest store was sealed before its first record; the merge happens days after its last. */
const WINDOW = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-10T00:00:00Z") };
const merge = (server: ServerSnapshot, state: GuestForMerge) => mergeGuestProgress(server, state, WINDOW);

/** What the database does with the writes, in memory, to check that a second merge finds nothing left to do. */
function apply(server: ServerSnapshot, writes: MergeWrites, now: Date): ServerSnapshot {
  const lessons = new Map(server.lessons);
  for (const l of writes.lessons) lessons.set(l.lessonId, { startedAt: l.startedAt, lastOpenedAt: l.lastOpenedAt });
  const reviewItems = new Map(server.reviewItems);
  for (const r of writes.reviewItems) reviewItems.set(r.topic, { ...r, updatedAt: now });
  const daySeconds = new Map(server.daySeconds);
  for (const d of writes.activity) daySeconds.set(d.day, (daySeconds.get(d.day) ?? 0) + d.seconds);
  return { appliedEventIds: new Set([...server.appliedEventIds, ...writes.eventIds]), lessons, reviewItems, daySeconds };
}

const guest = guestStateSchema.parse({
  version: 1,
  guestId: "guest-0001",
  lessons: [{ lessonId: LESSON, firstOpenedAt: "2026-03-01T10:00:00Z", lastOpenedAt: "2026-03-02T09:00:00Z", completedAt: "2026-03-02T09:10:00Z" }],
  visits: [
    { id: "visit-0001", lessonId: LESSON, seconds: 300, at: "2026-03-01T10:05:00Z" },
    { id: "visit-0002", lessonId: LESSON, seconds: 120, at: "2026-03-02T09:05:00Z" },
  ],
  quizAttempts: [
    { id: "attempt-01", quizId: LESSON, lessonId: LESSON, answers: { one: false, two: false }, at: "2026-03-01T10:10:00Z" },
    { id: "attempt-02", quizId: LESSON, lessonId: LESSON, answers: { one: true, two: false }, at: "2026-03-02T09:08:00Z", score: 1, passed: true },
  ],
  exercises: [{ id: "exercise-01", exerciseId: "python/03-gil/counter", lessonId: LESSON, language: "python", passed: true, code: "x = 1", at: "2026-03-02T09:06:00Z" }],
});

describe("mergeGuestProgress", () => {
  it("brings every guest record into an empty account once", () => {
    const writes = merge(emptyServer(), regrade(guest));
    expect(writes.eventIds).toEqual(["exercise:exercise-01", "quiz:attempt-01", "quiz:attempt-02", "visit:visit-0001", "visit:visit-0002"]);
    expect(writes.attempts.map((a) => a.graded.score)).toEqual([0.5, 1]);
    expect(writes.exercises).toHaveLength(1);
    expect(writes.lessons).toEqual([
      {
        lessonId: LESSON,
        startedAt: new Date("2026-03-01T10:00:00Z"),
        // The last visit is later than the lesson record's own lastOpenedAt.
        lastOpenedAt: new Date("2026-03-02T09:05:00Z"),
        addSeconds: 420,
        exists: false,
      },
    ]);
    expect(writes.mastery).toEqual([
      { topic: "gil", correct: 1, total: 2 },
      { topic: "threads", correct: 2, total: 2 },
    ]);
    // Missed "gil" on day 1 -> review due a day later; answered right before it was due -> unchanged.
    expect(writes.reviewItems).toEqual([{ topic: "gil", lessonId: LESSON, intervalIndex: 0, lapses: 0, dueAt: new Date("2026-03-02T10:10:00Z") }]);
    expect(writes.activity).toEqual([
      { day: "2026-03-01", seconds: 300, actions: 2 },
      { day: "2026-03-02", seconds: 120, actions: 3 },
    ]);
  });

  it("merging twice changes nothing the second time", () => {
    const first = merge(emptyServer(), regrade(guest));
    const after = apply(emptyServer(), first, new Date("2026-03-03T00:00:00Z"));
    const second = merge(after, regrade(guest));
    expect(second).toEqual({ eventIds: [], lessons: [], attempts: [], exercises: [], unconfirmed: [], mastery: [], reviewItems: [], activity: [] });
  });

  it("a guest state that grew after a merge adds only the new records", () => {
    const first = merge(emptyServer(), regrade(guest));
    const after = apply(emptyServer(), first, new Date("2026-03-02T12:00:00Z"));
    const grown = guestStateSchema.parse({
      ...guest,
      visits: [...guest.visits, { id: "visit-0003", lessonId: LESSON, seconds: 60, at: "2026-03-04T08:00:00Z" }],
    });
    const second = merge(after, regrade(grown));
    expect(second.eventIds).toEqual(["visit:visit-0003"]);
    expect(second.lessons).toMatchObject([{ lessonId: LESSON, addSeconds: 60, lastOpenedAt: new Date("2026-03-04T08:00:00Z") }]);
    expect(second.attempts).toEqual([]);
    expect(second.activity).toEqual([{ day: "2026-03-04", seconds: 60, actions: 1 }]);
  });

  it("duplicate records inside one guest state count once", () => {
    const doubled = { ...guest, visits: [...guest.visits, guest.visits[0]!], quizAttempts: [...guest.quizAttempts, guest.quizAttempts[0]!] };
    const writes = merge(emptyServer(), regrade(doubled));
    expect(writes.lessons[0]!.addSeconds).toBe(420);
    expect(writes.attempts).toHaveLength(2);
  });

  it("writes no completion: a guest's completedAt is never taken (the store settles it from stored rows)", () => {
    const writes = merge(emptyServer(), regrade(guest));
    expect(JSON.stringify(writes)).not.toContain("completedAt");
  });

  it("stores a claimed pass only as the server's check found it, and names the passes it could not confirm", () => {
    const failingOnServer = { ...regrade(guest), exercises: [{ ...guest.exercises[0]!, checked: { passed: false, results: [{ name: "t", passed: false }] } }] };
    const failing = merge(emptyServer(), failingOnServer);
    expect(failing.exercises.map((e) => [e.passed, e.results])).toEqual([[false, [{ name: "t", passed: false }]]]);
    expect(failing.unconfirmed).toEqual(["python/03-gil/counter"]);

    const unchecked = merge(emptyServer(), { ...regrade(guest), exercises: [{ ...guest.exercises[0]!, checked: null }] });
    expect(unchecked.exercises).toEqual([]);
    expect(unchecked.eventIds).toContain("exercise:exercise-01");
    expect(unchecked.unconfirmed).toEqual(["python/03-gil/counter"]);
  });

  it("scores come from the server's grading, not the browser's claim", () => {
    const lying = { ...guest, quizAttempts: [{ ...guest.quizAttempts[0]!, score: 1, passed: true }] };
    const writes = merge(emptyServer(), regrade(lying));
    expect(writes.attempts[0]!.graded.score).toBe(0.5);
    expect(writes.attempts[0]!.graded.passed).toBe(false);
  });

  it("attempts on a quiz that no longer exists are left unapplied", () => {
    const gone = { ...guest, quizAttempts: [{ ...guest.quizAttempts[0]!, quizId: "python/99-gone", lessonId: "python/99-gone" }] };
    const writes = merge(emptyServer(), regrade(gone));
    expect(writes.attempts).toEqual([]);
    expect(writes.eventIds).not.toContain("quiz:attempt-01");
  });

  it("a guest answer older than the account's review item does not overwrite it", () => {
    const server: ServerSnapshot = {
      ...emptyServer(),
      reviewItems: new Map([
        ["gil", { topic: "gil", lessonId: LESSON, intervalIndex: 2, lapses: 0, dueAt: new Date("2026-03-20T00:00:00Z"), updatedAt: new Date("2026-03-10T00:00:00Z") }],
      ]),
    };
    const writes = merge(server, regrade(guest));
    expect(writes.reviewItems).toEqual([]);
  });

  it("a newer guest miss resets an older account review item", () => {
    const server: ServerSnapshot = {
      ...emptyServer(),
      reviewItems: new Map([
        ["gil", { topic: "gil", lessonId: LESSON, intervalIndex: 2, lapses: 0, dueAt: new Date("2026-03-05T00:00:00Z"), updatedAt: new Date("2026-02-20T00:00:00Z") }],
      ]),
    };
    const writes = merge(server, regrade(guest));
    expect(writes.reviewItems).toEqual([{ topic: "gil", lessonId: LESSON, intervalIndex: 0, lapses: 1, dueAt: new Date("2026-03-02T10:10:00Z") }]);
  });
});

describe("guestStateSchema rejects what a browser should never send", () => {
  it.each([
    { why: "unknown version", patch: { version: 2 } },
    { why: "bad lesson id", patch: { lessons: [{ lessonId: "../etc", firstOpenedAt: "2026-03-01T10:00:00Z", lastOpenedAt: "2026-03-01T10:00:00Z" }] } },
    { why: "a visit longer than four hours", patch: { visits: [{ id: "visit-0009", lessonId: LESSON, seconds: 4 * 3600 + 1, at: "2026-03-01T10:00:00Z" }] } },
    { why: "negative time", patch: { visits: [{ id: "visit-0009", lessonId: LESSON, seconds: -5, at: "2026-03-01T10:00:00Z" }] } },
    { why: "a short event id", patch: { visits: [{ id: "v", lessonId: LESSON, seconds: 5, at: "2026-03-01T10:00:00Z" }] } },
    { why: "a date that is not ISO", patch: { visits: [{ id: "visit-0009", lessonId: LESSON, seconds: 5, at: "yesterday" }] } },
  ])("$why", ({ patch }) => {
    expect(guestStateSchema.safeParse({ ...guest, ...patch }).success).toBe(false);
  });

  it("accepts an empty state", () => {
    expect(guestStateSchema.parse({ version: 1, guestId: "guest-0002" })).toEqual({ version: 1, guestId: "guest-0002", lessons: [], visits: [], quizAttempts: [], exercises: [] });
  });
});
