import { describe, expect, it } from "vitest";
import { getCatalog, getLessonById } from "@/lib/content/catalog";
import { getPlacement } from "@/lib/path/placement-source";
import { guestStateSchema, type GuestState } from "@/lib/progress/guest-schema";
import { applyWrites, emptyRecords, plan, type Records } from "@/lib/progress/model";
import { nextReviewCard } from "@/lib/progress/review-schedule";
import { entriesToVerify, requirementsFrom, verifyEvents, type CheckCode } from "@/lib/progress/verify";
import { rightAnswer } from "../../support/quiz-answers";

// A guest's browser progress into an account, as mergeGuest does it without the database: the events the account has
// not applied are verified (quiz answers graded again, passing code checked again — here by a stand-in for the
// sandbox) and planned by the pure model against the account's records.

const catalog = getCatalog();
const LESSON = "node/01-event-loop";
const EXERCISE = "node/01-event-loop/in-order";
const quiz = getLessonById(LESSON, catalog)!.quiz!;
const RIGHT = Object.fromEntries(quiz.questions.map((q) => [q.id, rightAnswer(q)]));
const TOPICS = [...new Set(quiz.questions.flatMap((q) => q.topics))].sort();

/** The store was sealed before its first event; the merge happens days after its last. */
const WINDOW = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-10T00:00:00Z") };

/** The server's check, standing in for the sandbox: passes unless told otherwise. */
const passes: CheckCode = async () => ({ passed: true, results: [] });

async function merge(records: Records, guest: GuestState, options: { check?: CheckCode; maxChecks?: number } = {}) {
  const fresh = entriesToVerify(guest.entries, records.appliedEventIds);
  const verification = await verifyEvents(fresh, { catalog, placement: getPlacement, check: options.check ?? passes, maxChecks: options.maxChecks });
  const writes = plan(records, verification.verified, { window: WINDOW, requirements: requirementsFrom(catalog) });
  return { ...verification, writes, records: applyWrites(records, writes) };
}

const guest = guestStateSchema.parse({
  version: 2,
  guestId: "guest-0001",
  entries: [
    { event: { type: "visit", id: "visit-0001", lessonId: LESSON, seconds: 0, at: "2026-03-01T10:00:00Z" } },
    { event: { type: "visit", id: "visit-0002", lessonId: LESSON, seconds: 300, at: "2026-03-01T10:05:00Z" } },
    // The browser claims a pass; the server grades the empty answers as 0.
    { event: { type: "quiz", id: "attempt-01", quizId: LESSON, answers: {}, at: "2026-03-01T10:10:00Z" }, shown: { score: 1, passed: true } },
    { event: { type: "visit", id: "visit-0003", lessonId: LESSON, seconds: 120, at: "2026-03-02T09:05:00Z" } },
    { event: { type: "exercise", id: "exercise-01", exerciseId: EXERCISE, language: "javascript", code: "solved", at: "2026-03-02T09:06:00Z" }, shown: { passed: true } },
    { event: { type: "quiz", id: "attempt-02", quizId: LESSON, answers: RIGHT, at: "2026-03-02T09:08:00Z" }, shown: { score: 1, passed: true } },
  ],
}) as GuestState;

describe("merging a guest's events", () => {
  it("brings every event into an empty account once, graded and checked by the server", async () => {
    const { writes, skipped, unconfirmed } = await merge(emptyRecords(), guest);
    expect(skipped).toEqual([]);
    expect(unconfirmed).toEqual([]);
    expect(writes.eventIds).toEqual(["exercise:exercise-01", "quiz:attempt-01", "quiz:attempt-02", "visit:visit-0001", "visit:visit-0002", "visit:visit-0003"]);
    expect(writes.attempts.map((a) => [a.score, a.passed])).toEqual([
      [0, false],
      [1, true],
    ]);
    expect(writes.submissions.map((s) => [s.exerciseId, s.passed, s.code])).toEqual([[EXERCISE, true, "solved"]]);
    expect(writes.lessons).toEqual([
      {
        lessonId: LESSON,
        startedAt: new Date("2026-03-01T10:00:00Z"),
        lastOpenedAt: new Date("2026-03-02T09:08:00Z"),
        // The exercise passed at 09:06, the quiz at 09:08: the lesson's last requirement.
        completedAt: new Date("2026-03-02T09:08:00Z"),
        timeSpentSeconds: 0,
        addSeconds: 420,
        exists: false,
      },
    ]);
    expect(writes.mastery).toEqual(TOPICS.map((topic) => {
      const n = quiz.questions.filter((q) => q.topics.includes(topic)).length;
      return { topic, correct: n, total: 2 * n };
    }));
    // Missed on day 1 → a card per topic; answered right the next morning, before it was due → unchanged.
    expect(writes.reviews.map((c) => [c.topic, c.misses, c.lastMissedAt])).toEqual(TOPICS.map((t) => [t, 1, new Date("2026-03-01T10:10:00Z")]));
    expect(writes.days).toEqual([
      { day: "2026-03-01", seconds: 300, actions: 2 },
      { day: "2026-03-02", seconds: 120, actions: 2 },
    ]);
    expect(writes.drafts).toEqual([{ key: `exercise/${EXERCISE}`, draft: expect.objectContaining({ code: "solved", result: { passed: true } }) }]);
  });

  it("merging twice changes nothing the second time and checks no code again", async () => {
    const first = await merge(emptyRecords(), guest);
    let checks = 0;
    const second = await merge(first.records, guest, { check: async () => (checks++, { passed: true, results: [] }) });
    expect(second.writes).toEqual({ eventIds: [], lessons: [], attempts: [], submissions: [], mastery: [], reviews: [], days: [], drafts: [], onboarding: null });
    expect(checks).toBe(0);
  });

  it("of two claimed passes, only the latest is checked, the first time and never again", async () => {
    const earlier = { event: { type: "exercise" as const, id: "exercise-00", exerciseId: EXERCISE, language: "javascript" as const, code: "older", at: "2026-03-02T09:00:00Z" }, shown: { passed: true } };
    const twoPasses = { ...guest, entries: [earlier, ...guest.entries] };
    const ran: string[] = [];
    const check: CheckCode = async (_exercise, code) => (ran.push(code), { passed: true, results: [] });
    const first = await merge(emptyRecords(), twoPasses, { check });
    expect(ran).toEqual(["solved"]);
    expect(first.writes.eventIds).not.toContain("exercise:exercise-00");
    const second = await merge(first.records, twoPasses, { check });
    expect(ran).toEqual(["solved"]);
    expect(second.writes.eventIds).toEqual([]);
    expect(second.unconfirmed).toEqual([]);
  });

  it("a guest state that grew after a merge adds only the new events", async () => {
    const first = await merge(emptyRecords(), guest);
    const grown = { ...guest, entries: [...guest.entries, { event: { type: "visit" as const, id: "visit-0004", lessonId: LESSON, seconds: 60, at: "2026-03-04T08:00:00Z" } }] };
    const { writes } = await merge(first.records, grown);
    expect(writes.eventIds).toEqual(["visit:visit-0004"]);
    expect(writes.lessons).toMatchObject([{ lessonId: LESSON, addSeconds: 60, lastOpenedAt: new Date("2026-03-04T08:00:00Z") }]);
    expect(writes.attempts).toEqual([]);
    expect(writes.days).toEqual([{ day: "2026-03-04", seconds: 60, actions: 0 }]);
  });

  it("an event kept twice in one guest state counts once", async () => {
    const doubled = { ...guest, entries: [...guest.entries, guest.entries[1]!, guest.entries[2]!] };
    const { writes } = await merge(emptyRecords(), doubled);
    expect(writes.lessons[0]!.addSeconds).toBe(420);
    expect(writes.attempts).toHaveLength(2);
  });

  it("stores a claimed pass only as the server's check found it, and names the passes it could not confirm", async () => {
    const failing = await merge(emptyRecords(), guest, { check: async () => ({ passed: false, results: [{ name: "t", passed: false }] }) });
    expect(failing.writes.submissions.map((s) => [s.passed, s.results])).toEqual([[false, [{ name: "t", passed: false }]]]);
    expect(failing.unconfirmed).toEqual([EXERCISE]);
    expect(failing.writes.lessons[0]!.completedAt).toBeNull();

    // Over the budget of sandbox runs: the claimed pass is neither believed nor marked as applied (a later merge checks it).
    const unchecked = await merge(emptyRecords(), guest, { maxChecks: 0 });
    expect(unchecked.writes.submissions).toEqual([]);
    expect(unchecked.writes.eventIds).not.toContain("exercise:exercise-01");
    expect(unchecked.unconfirmed).toEqual([EXERCISE]);
  });

  it("skips events naming a quiz or exercise the course does not have, or code in the wrong language", async () => {
    const odd = guestStateSchema.parse({
      ...guest,
      entries: [
        { event: { type: "quiz", id: "attempt-09", quizId: "node/99-gone", answers: {}, at: "2026-03-01T10:10:00Z" } },
        { event: { type: "exercise", id: "exercise-09", exerciseId: EXERCISE, language: "python", code: "x", at: "2026-03-01T10:10:00Z" }, shown: { passed: false } },
        { event: { type: "visit", id: "visit-0009", lessonId: "node/99-gone", seconds: 10, at: "2026-03-01T10:10:00Z" } },
      ],
    }) as GuestState;
    const { writes, skipped } = await merge(emptyRecords(), odd);
    expect(skipped).toEqual(["exercise:exercise-09", "quiz:attempt-09", "visit:visit-0009"]);
    expect(writes.eventIds).toEqual([]);
  });

  it("a guest answer older than the account's review card does not rewind it; a newer miss moves it", async () => {
    const topic = TOPICS[0]!;
    const newer = emptyRecords();
    newer.reviews.set(topic, nextReviewCard(null, "wrong", { topic, lessonId: LESSON, at: new Date("2026-03-05T00:00:00Z") })!);
    expect((await merge(newer, guest)).writes.reviews.map((c) => c.topic)).not.toContain(topic);

    const older = emptyRecords();
    older.reviews.set(topic, nextReviewCard(null, "wrong", { topic, lessonId: LESSON, at: new Date("2026-02-20T00:00:00Z") })!);
    const moved = (await merge(older, guest)).writes.reviews.find((c) => c.topic === topic)!;
    expect(moved).toMatchObject({ misses: 2, lastMissedAt: new Date("2026-03-01T10:10:00Z") });
  });
});

describe("guestStateSchema refuses what a browser should never send", () => {
  const visit = (patch: object) => ({ ...guest, entries: [{ event: { type: "visit", id: "visit-0009", lessonId: LESSON, seconds: 5, at: "2026-03-01T10:00:00Z", ...patch } }] });
  it.each([
    { why: "an unknown version", state: { ...guest, version: 3 } },
    { why: "a bad lesson id", state: visit({ lessonId: "../etc" }) },
    { why: "a visit longer than four hours", state: visit({ seconds: 4 * 3600 + 1 }) },
    { why: "negative time", state: visit({ seconds: -5 }) },
    { why: "a short event id", state: visit({ id: "v" }) },
    { why: "a date that is not ISO", state: visit({ at: "yesterday" }) },
    { why: "an unknown kind of event", state: visit({ type: "teleport" }) },
    { why: "a draft with code but no language", state: { ...guest, entries: [{ event: { type: "draft", id: "draft-0001", key: "a/b", code: "x", at: "2026-03-01T10:00:00Z" } }] } },
  ])("$why", ({ state }) => {
    expect(guestStateSchema.safeParse(state).success).toBe(false);
  });

  it("accepts an empty state", () => {
    expect(guestStateSchema.parse({ version: 2, guestId: "guest-0002", entries: [] })).toEqual({ version: 2, guestId: "guest-0002", entries: [] });
  });
});
