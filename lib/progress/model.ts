import type { CodeLanguage } from "../course/vocabulary";
import { lessonOfExercise } from "../course/vocabulary";
import { dayKey } from "../days";
import type { OnboardingAnswers } from "../path/schema";
import { clampInstant, creditVisits, type VisitClaim, type Window } from "./bounds";
import {
  eventKey,
  type DraftEvent,
  type DraftResult,
  type ExerciseEvent,
  type OnboardingEvent,
  type PlacementEvent,
  type ProgressEvent,
  type QuizEvent,
  type VisitEvent,
} from "./events";
import { nextReviewCard, topicOutcomes, type ReviewCard } from "./review-schedule";

// The progress model: the one place that decides what a learner's events change. Pure: (records, events) → writes,
// and writes applied to records. The server applies the writes to its tables (lib/progress/ledger.ts), a guest's
// browser to records it keeps in memory (lib/progress/guest-store.ts) — so completion, mastery, reviews, time,
// days, drafts and onboarding follow the same rules everywhere. A live request is a merge of one event.

// ── Records: what is known about one learner ─────────────────────────────────────────────────────────────────────

export type LessonRecord = { lessonId: string; startedAt: Date; lastOpenedAt: Date; completedAt: Date | null; timeSpentSeconds: number };
export type AttemptRecord = { quizId: string; score: number; passed: boolean; at: Date };
export type SubmissionRecord = { exerciseId: string; passed: boolean; at: Date };
export type DraftRecord = { key: string; language: CodeLanguage; code: string; result: DraftResult | null; updatedAt: Date };
export type TopicCount = { correct: number; total: number };
export type DayRecord = { seconds: number; actions: number };
export type OnboardingRecord = { answers: OnboardingAnswers; updatedAt: Date };

export type Records = {
  appliedEventIds: Set<string>;
  lessons: Map<string, LessonRecord>;
  attempts: AttemptRecord[];
  submissions: SubmissionRecord[];
  mastery: Map<string, TopicCount>;
  reviews: Map<string, ReviewCard>;
  days: Map<string, DayRecord>;
  drafts: Map<string, DraftRecord>;
  onboarding: OnboardingRecord | null;
};

export function emptyRecords(): Records {
  return {
    appliedEventIds: new Set(),
    lessons: new Map(),
    attempts: [],
    submissions: [],
    mastery: new Map(),
    reviews: new Map(),
    days: new Map(),
    drafts: new Map(),
    onboarding: null,
  };
}

// ── Verified events: an event with the server's own verdict ──────────────────────────────────────────────────────

export type GradedResult = { questionId: string; correct: boolean; credit?: number; topics: string[] };
export type Graded = { score: number; passed: boolean; results: GradedResult[] };

export type VerifiedEvent =
  | { event: VisitEvent }
  | { event: QuizEvent; graded: Graded }
  | { event: ExerciseEvent; checked: { passed: boolean; results: unknown } }
  | { event: DraftEvent }
  | { event: OnboardingEvent }
  | { event: PlacementEvent; passedLessonIds: string[] };

/** What completes a lesson, from the catalog: its quiz (the quiz id is the lesson id) and its exercises. */
export type LessonRequirements = { lessonId: string; hasQuiz: boolean; exerciseIds: string[] };

export type PlanContext = {
  /** The instants events may lie between (lib/progress/bounds.ts); every event time is clamped into it. */
  window: Window;
  /** What completes a lesson; null for a lesson the catalog does not know (it is then never completed). */
  requirements: (lessonId: string) => LessonRequirements | null;
};

/** The draft key an exercise's code is kept under: exercise code is a draft like any other. */
export const exerciseDraftKey = (exerciseId: string) => `exercise/${exerciseId}`;

/** The lesson an event is about, if any. */
export function lessonOfEvent(event: ProgressEvent): string | null {
  switch (event.type) {
    case "visit":
      return event.lessonId;
    case "quiz":
      return event.quizId;
    case "exercise":
      return lessonOfExercise(event.exerciseId);
    default:
      return null;
  }
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────────────────────────

export type LessonWrite = LessonRecord & { addSeconds: number; exists: boolean };
export type AttemptWrite = AttemptRecord & { eventId: string; lessonId: string; answers: QuizEvent["answers"]; results: GradedResult[] };
export type SubmissionWrite = SubmissionRecord & { eventId: string; language: CodeLanguage; code: string; results: unknown };
export type DraftWrite = { key: string; draft: DraftRecord | null };

export type Writes = {
  eventIds: string[];
  lessons: LessonWrite[];
  attempts: AttemptWrite[];
  submissions: SubmissionWrite[];
  /** Added to the topic's counts. */
  mastery: ({ topic: string } & TopicCount)[];
  /** The card's new state. */
  reviews: ReviewCard[];
  /** Added to the day's counts. */
  days: ({ day: string } & DayRecord)[];
  /** The draft's new state; null removes it. */
  drafts: DraftWrite[];
  onboarding: OnboardingRecord | null;
};

// ── The rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The one completion rule, applied to what is recorded: a lesson is complete when its quiz has a passing attempt
 * (if it has a quiz) and each of its exercises has a passing check (if it has any); it completed at the moment the
 * last of these was first met. null while one is missing; a lesson with neither is not completed by these rules.
 */
export function completionInstant(input: { hasQuiz: boolean; quizPassedAt: Date | null; exercisePassedAt: (Date | null)[] }): Date | null {
  const needed = [...(input.hasQuiz ? [input.quizPassedAt] : []), ...input.exercisePassedAt];
  if (needed.length === 0 || needed.some((at) => at === null)) return null;
  return new Date(Math.max(...needed.map((at) => at!.getTime())));
}

/** Each question counts once for each topic it tests; only exactly right answers count as correct. */
export function masteryDeltas(results: Pick<GradedResult, "correct" | "topics">[]): ({ topic: string } & TopicCount)[] {
  const byTopic = new Map<string, { topic: string } & TopicCount>();
  for (const result of results) {
    for (const topic of new Set(result.topics)) {
      const count = byTopic.get(topic) ?? { topic, correct: 0, total: 0 };
      count.total += 1;
      if (result.correct) count.correct += 1;
      byTopic.set(topic, count);
    }
  }
  return [...byTopic.values()].sort((a, b) => a.topic.localeCompare(b.topic));
}

/**
 * Mastery 0..1 with one imagined right and one imagined wrong answer (Laplace smoothing), so one lucky answer is
 * not "mastered" and an unseen topic sits at 0.5.
 */
export function masteryLevel({ correct, total }: TopicCount): number {
  return (correct + 1) / (total + 2);
}

const earliest = (dates: Date[]): Date | null => (dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null);
const byTime = (a: VerifiedEvent, b: VerifiedEvent, at: (v: VerifiedEvent) => Date) =>
  at(a).getTime() - at(b).getTime() || a.event.id.localeCompare(b.event.id);

/**
 * The writes a batch of events makes, given the learner's records (at least those the events touch: see
 * `recordsScope`). Idempotent: an event whose key is in `appliedEventIds` (or twice in the batch) is skipped, so
 * applying the same events again writes nothing. Conflicts between devices: every attempt and check is kept (the best
 * score is the best), time only adds for events not applied before and is bounded by the window and by 24 hours a
 * day, and a review card, a draft or the onboarding answers change only for an event newer than their last change.
 */
export function plan(records: Records, verified: VerifiedEvent[], ctx: PlanContext): Writes {
  const at = (v: VerifiedEvent) => clampInstant(new Date(v.event.at), ctx.window);
  const seen = new Set<string>();
  const fresh = verified
    .filter((v) => {
      const key = eventKey(v.event);
      if (records.appliedEventIds.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => byTime(a, b, at));

  const days = new Map<string, { day: string } & DayRecord>();
  const bumpDay = (day: string, seconds: number, actions: number) => {
    const entry = days.get(day) ?? { day, seconds: 0, actions: 0 };
    entry.seconds += seconds;
    entry.actions += actions;
    days.set(day, entry);
  };

  const lessons = new Map<string, LessonWrite>();
  const touch = (lessonId: string, when: Date) => {
    const held = lessons.get(lessonId) ?? { ...(records.lessons.get(lessonId) ?? newLesson(lessonId, when)), addSeconds: 0, exists: records.lessons.has(lessonId) };
    if (when < held.startedAt) held.startedAt = when;
    if (when > held.lastOpenedAt) held.lastOpenedAt = when;
    lessons.set(lessonId, held);
    return held;
  };

  const visits: VisitClaim[] = [];
  const attempts: AttemptWrite[] = [];
  const submissions: SubmissionWrite[] = [];
  const mastery = new Map<string, { topic: string } & TopicCount>();
  const reviews = new Map<string, ReviewCard>();
  const drafts = new Map<string, DraftWrite>();
  let onboarding: OnboardingRecord | null = null;
  let pendingPlacement: { passedLessonIds: string[]; at: Date } | null = null;

  const writeDraft = (key: string, when: Date, draft: Omit<DraftRecord, "key" | "updatedAt"> | null) => {
    const held = drafts.has(key) ? drafts.get(key)!.draft : (records.drafts.get(key) ?? null);
    if (held && held.updatedAt > when) return;
    if (!held && !draft) return;
    drafts.set(key, { key, draft: draft && { key, ...draft, updatedAt: when } });
  };
  const currentOnboarding = () => onboarding ?? records.onboarding;

  for (const v of fresh) {
    const when = at(v);
    const lessonId = lessonOfEvent(v.event);
    if (lessonId) touch(lessonId, when);
    switch (v.event.type) {
      case "visit":
        visits.push({ lessonId: v.event.lessonId, seconds: v.event.seconds, at: when });
        if (v.event.seconds === 0) bumpDay(dayKey(when), 0, 1);
        break;
      case "quiz": {
        const { graded } = v as Extract<VerifiedEvent, { graded: Graded }>;
        attempts.push({ eventId: eventKey(v.event), quizId: v.event.quizId, lessonId: v.event.quizId, answers: v.event.answers, ...graded, at: when });
        bumpDay(dayKey(when), 0, 1);
        for (const delta of masteryDeltas(graded.results)) {
          const total = mastery.get(delta.topic) ?? { topic: delta.topic, correct: 0, total: 0 };
          total.correct += delta.correct;
          total.total += delta.total;
          mastery.set(delta.topic, total);
        }
        for (const [topic, outcome] of topicOutcomes(graded.results)) {
          const current = reviews.get(topic) ?? records.reviews.get(topic) ?? null;
          // An answer older than the card's last review (merged later from another device) does not rewind it.
          if (current?.lastReviewAt && current.lastReviewAt > when) continue;
          const next = nextReviewCard(current, outcome, { topic, lessonId: v.event.quizId, at: when });
          if (next) reviews.set(topic, next);
        }
        break;
      }
      case "exercise": {
        const { checked } = v as Extract<VerifiedEvent, { checked: unknown }>;
        submissions.push({ eventId: eventKey(v.event), exerciseId: v.event.exerciseId, language: v.event.language, code: v.event.code, ...checked, at: when });
        bumpDay(dayKey(when), 0, 1);
        writeDraft(exerciseDraftKey(v.event.exerciseId), when, { language: v.event.language, code: v.event.code, result: { passed: checked.passed } });
        break;
      }
      case "draft":
        writeDraft(v.event.key, when, v.event.code === null || !v.event.language ? null : { language: v.event.language, code: v.event.code, result: v.event.result });
        break;
      case "onboarding": {
        const held = currentOnboarding();
        if (held && held.updatedAt > when) break;
        // Placement results come only from placement events, graded by the server: one sent inside the answers is
        // the browser's word and is dropped; the learner's graded result stays.
        const { placement: _claimed, ...answers } = v.event.answers;
        const placement = held?.answers.placement;
        onboarding = { answers: { ...answers, ...(placement ? { placement } : {}) }, updatedAt: when };
        if (pendingPlacement) {
          onboarding.answers.placement = { passedLessonIds: pendingPlacement.passedLessonIds };
          pendingPlacement = null;
        }
        break;
      }
      case "placement": {
        const { passedLessonIds } = v as Extract<VerifiedEvent, { passedLessonIds: string[] }>;
        const held = currentOnboarding();
        // A placement taken before the onboarding answers exist waits for them (a guest answers in that order too).
        if (!held) pendingPlacement = { passedLessonIds, at: when };
        else if (held.updatedAt <= when) onboarding = { answers: { ...held.answers, placement: { passedLessonIds } }, updatedAt: when };
        break;
      }
    }
  }

  const heldDaySeconds = new Map([...records.days].map(([day, d]) => [day, d.seconds]));
  const credited = creditVisits(visits, ctx.window, heldDaySeconds);
  for (const [day, seconds] of credited.days) bumpDay(day, seconds, 0);
  for (const [lessonId, seconds] of credited.lessons) touch(lessonId, lessons.get(lessonId)!.lastOpenedAt).addSeconds += seconds;

  for (const lesson of lessons.values()) {
    const needs = ctx.requirements(lesson.lessonId);
    if (!needs) continue;
    const quizPasses = [...records.attempts, ...attempts].filter((a) => a.quizId === needs.lessonId && a.passed).map((a) => a.at);
    const passes = [...records.submissions, ...submissions].filter((s) => s.passed);
    const instant = completionInstant({
      hasQuiz: needs.hasQuiz,
      quizPassedAt: earliest(quizPasses),
      exercisePassedAt: needs.exerciseIds.map((id) => earliest(passes.filter((s) => s.exerciseId === id).map((s) => s.at))),
    });
    // An earlier pass arriving late (merged from another device) moves the instant back; a completed lesson stays
    // completed (an exercise added to it later does not take that back).
    if (instant && (!lesson.completedAt || instant < lesson.completedAt)) lesson.completedAt = instant;
  }

  return {
    eventIds: fresh.map((v) => eventKey(v.event)).sort(),
    lessons: [...lessons.values()].sort((a, b) => a.lessonId.localeCompare(b.lessonId)),
    attempts,
    submissions,
    mastery: [...mastery.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
    reviews: [...reviews.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    drafts: [...drafts.values()].sort((a, b) => a.key.localeCompare(b.key)),
    onboarding,
  };
}

function newLesson(lessonId: string, at: Date): LessonRecord {
  return { lessonId, startedAt: at, lastOpenedAt: at, completedAt: null, timeSpentSeconds: 0 };
}

/** Records after the writes: what the server's tables hold once they are applied, and a guest's own records. */
export function applyWrites(records: Records, writes: Writes): Records {
  const next: Records = {
    appliedEventIds: new Set([...records.appliedEventIds, ...writes.eventIds]),
    lessons: new Map(records.lessons),
    attempts: [...records.attempts, ...writes.attempts.map(({ quizId, score, passed, at }) => ({ quizId, score, passed, at }))],
    submissions: [...records.submissions, ...writes.submissions.map(({ exerciseId, passed, at }) => ({ exerciseId, passed, at }))],
    mastery: new Map(records.mastery),
    reviews: new Map(records.reviews),
    days: new Map(records.days),
    drafts: new Map(records.drafts),
    onboarding: writes.onboarding ?? records.onboarding,
  };
  for (const { addSeconds, exists: _exists, ...lesson } of writes.lessons) {
    const held = records.lessons.get(lesson.lessonId);
    next.lessons.set(lesson.lessonId, { ...lesson, timeSpentSeconds: (held?.timeSpentSeconds ?? 0) + addSeconds });
  }
  for (const { topic, correct, total } of writes.mastery) {
    const held = next.mastery.get(topic) ?? { correct: 0, total: 0 };
    next.mastery.set(topic, { correct: held.correct + correct, total: held.total + total });
  }
  for (const card of writes.reviews) next.reviews.set(card.topic, card);
  for (const { day, seconds, actions } of writes.days) {
    const held = next.days.get(day) ?? { seconds: 0, actions: 0 };
    next.days.set(day, { seconds: held.seconds + seconds, actions: held.actions + actions });
  }
  for (const { key, draft } of writes.drafts) {
    if (draft) next.drafts.set(key, draft);
    else next.drafts.delete(key);
  }
  return next;
}

/** What records a batch of events needs to be planned: the lessons, quizzes, exercises, topics, days and drafts it touches. */
export function recordsScope(verified: VerifiedEvent[], ctx: PlanContext) {
  const lessonIds = new Set<string>();
  const topics = new Set<string>();
  const draftKeys = new Set<string>();
  let onboarding = false;
  for (const v of verified) {
    const lessonId = lessonOfEvent(v.event);
    if (lessonId) lessonIds.add(lessonId);
    if ("graded" in v) for (const r of v.graded.results) for (const t of r.topics) topics.add(t);
    if (v.event.type === "exercise") draftKeys.add(exerciseDraftKey(v.event.exerciseId));
    if (v.event.type === "draft") draftKeys.add(v.event.key);
    if (v.event.type === "onboarding" || v.event.type === "placement") onboarding = true;
  }
  const exerciseIds = new Set([...lessonIds].flatMap((id) => ctx.requirements(id)?.exerciseIds ?? []));
  return {
    eventIds: verified.map((v) => eventKey(v.event)),
    lessonIds: [...lessonIds].sort(),
    exerciseIds: [...exerciseIds].sort(),
    topics: [...topics].sort(),
    draftKeys: [...draftKeys].sort(),
    days: { from: dayKey(ctx.window.from), to: dayKey(ctx.window.to) },
    onboarding,
  };
}
