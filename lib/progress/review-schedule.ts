import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import { DAY_MS } from "../days";

// Topic reviews scheduled by FSRS (ts-fsrs): when a topic missed in a quiz comes back, from the learner's own answers.
// Pure: no clock and no database; the progress layer loads the card, calls nextReviewCard and stores what it returns.
//
// Fixed parameters, the same for every learner, so a card's schedule is a function of its answers alone:
// - default FSRS-6 weights and request retention 0.9: a review is due when recall has dropped to about 90%;
// - fuzz off: no random spread of intervals, so the same answers give the same dates on the server, in a guest's
//   browser and in a merge;
// - short-term (learning) steps off: a miss comes back the next day at the earliest and every interval is in whole
//   days. Minute steps (1m, 10m) suit flashcards reviewed in one session; here a review is a quiz revisited from
//   /path, and a quiz retried a minute later is the same sitting, not a second review. How such retries count:
//   a right answer before the card is due changes nothing, and a miss within a day of a miss only adds to the miss
//   count (see nextReviewCard), so one sitting is at most one review.

const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false, enable_short_term: false, learning_steps: [], relearning_steps: [] });

/** A topic counts as mastered once FSRS expects it to be recalled, with 90% probability, a month after a review. */
export const MASTERED_STABILITY_DAYS = 30;


export type ReviewCard = {
  topic: string;
  lessonId: string | null;
  state: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  dueAt: Date;
  lastReviewAt: Date | null;
  misses: number;
  lastMissedAt: Date | null;
};

export type Outcome = "correct" | "wrong";

function toFsrsCard(card: ReviewCard): Card {
  return {
    due: card.dueAt,
    stability: card.stability,
    difficulty: card.difficulty,
    // Deprecated in ts-fsrs and recomputed from last_review on every review; kept at 0.
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: card.lastReviewAt ?? undefined,
  };
}

function review(current: ReviewCard | null, grade: Grade, at: Date): Omit<ReviewCard, "topic" | "lessonId" | "misses" | "lastMissedAt"> {
  const { card } = scheduler.next(current ? toFsrsCard(current) : createEmptyCard(at), at, grade);
  return {
    state: card.state,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    dueAt: card.due,
    lastReviewAt: card.last_review ?? at,
  };
}

/** The last answer on the card was a miss: nothing was answered right since. */
function lastAnswerMissed(card: Pick<ReviewCard, "lastMissedAt" | "lastReviewAt">): boolean {
  if (!card.lastMissedAt) return false;
  return !card.lastReviewAt || card.lastMissedAt.getTime() >= card.lastReviewAt.getTime();
}

/**
 * The card after one answer on its topic (right → Rating.Good, wrong → Rating.Again), or null when nothing is
 * scheduled: a topic enters the schedule when it is first missed; a right answer on a topic with no card is null.
 * - right while the card is due: a Good review, the next one further away each time;
 * - right before it is due: null; an early right answer, often a retry just after seeing the correction, says
 *   nothing about recall over time, and counting it would let retries push the schedule out;
 * - wrong: an Again review (a lapse for a card past its first review), misses + 1 and lastMissedAt; except within a
 *   day of the last miss, when only the miss is counted: the card already comes back at the lapse interval, and
 *   failing the same quiz three times in a sitting is one lapse, not three.
 * Answers must come in time order (the caller replays events chronologically); `at` is never before the card's last.
 */
export function nextReviewCard(current: ReviewCard | null, outcome: Outcome, input: { topic: string; lessonId: string | null; at: Date }): ReviewCard | null {
  const { topic, at } = input;
  const lessonId = input.lessonId ?? current?.lessonId ?? null;
  if (outcome === "correct") {
    if (!current || current.dueAt.getTime() > at.getTime()) return null;
    return { ...current, lessonId, ...review(current, Rating.Good, at) };
  }
  const missed = { topic, lessonId, misses: (current?.misses ?? 0) + 1, lastMissedAt: at };
  const lastMiss = current && lastAnswerMissed(current) ? current.lastMissedAt : null;
  if (current && lastMiss && at.getTime() - lastMiss.getTime() < DAY_MS) return { ...current, ...missed };
  return { ...missed, ...review(current, Rating.Again, at) };
}

/** Per topic of one graded attempt: "wrong" if any question on it was wrong, else "correct". */
export function topicOutcomes(results: { correct: boolean; topics: string[] }[]): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const result of results) {
    for (const topic of result.topics) {
      if (!result.correct) outcomes.set(topic, "wrong");
      else if (!outcomes.has(topic)) outcomes.set(topic, "correct");
    }
  }
  return outcomes;
}

/** In FSRS's review state with a stability of MASTERED_STABILITY_DAYS or more. A miss lowers the stability, so a
 *  mastered topic missed again is back in the schedule. */
export function isMastered(card: Pick<ReviewCard, "stability" | "state">): boolean {
  return card.state === State.Review && card.stability >= MASTERED_STABILITY_DAYS;
}

/** Mastered cards are never due. */
export function isDue(card: Pick<ReviewCard, "dueAt" | "stability" | "state">, now: Date): boolean {
  return !isMastered(card) && card.dueAt.getTime() <= now.getTime();
}

/** Due first, weakest mastery first, then longest overdue, then topic; mastered never shows. */
export function orderReviewQueue<T extends ReviewCard>(cards: T[], mastery: ReadonlyMap<string, number>, now: Date): T[] {
  return cards
    .filter((card) => isDue(card, now))
    .sort(
      (a, b) =>
        (mastery.get(a.topic) ?? 0.5) - (mastery.get(b.topic) ?? 0.5) ||
        a.dueAt.getTime() - b.dueAt.getTime() ||
        a.topic.localeCompare(b.topic),
    );
}

// ── Explaining a card to the learner ─────────────────────────────────────────────────────────────────────────────

const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
const utcDay = (date: Date) => Math.floor(date.getTime() / DAY_MS);
const onDay = (date: Date, now: Date) => (utcDay(date) === utcDay(now) ? "today" : `on ${dayMonth.format(date)}`);
const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

function when(dueAt: Date, now: Date): string {
  const days = utcDay(dueAt) - utcDay(now);
  if (dueAt.getTime() <= now.getTime()) return days === 0 ? "Due today" : `Due since ${dayMonth.format(dueAt)}`;
  if (days <= 0) return "Next review later today";
  return days === 1 ? "Next review tomorrow" : `Next review in ${days} days`;
}

function why(card: Pick<ReviewCard, "misses" | "lastMissedAt" | "reps" | "lastReviewAt">, now: Date): string | null {
  if (card.lastMissedAt && lastAnswerMissed(card)) {
    return card.misses > 1 ? `you missed it ${times(card.misses)}, last ${onDay(card.lastMissedAt, now)}` : `you missed it ${onDay(card.lastMissedAt, now)}`;
  }
  if (card.reps === 0 || !card.lastReviewAt) return null;
  const after = card.misses > 0 ? ` after missing it ${times(card.misses)}` : "";
  return `you got it right ${onDay(card.lastReviewAt, now)}${after}`;
}

/** Why a card is due or upcoming, for a learner: "Due today: you missed it twice, last on 3 November." or
 *  "Next review in 4 days: you got it right on 3 November." Calendar days and dates are UTC. */
export function reviewReason(card: Pick<ReviewCard, "dueAt" | "misses" | "lastMissedAt" | "reps" | "lastReviewAt">, now: Date): string {
  const reason = why(card, now);
  return reason ? `${when(card.dueAt, now)}: ${reason}.` : `${when(card.dueAt, now)}.`;
}
