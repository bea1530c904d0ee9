import { reviewReason } from "@/lib/progress/review-schedule";
import { dueItems, isDue } from "./review";
import { LANGUAGE_TRACKS, TRACK_LABELS, type LanguageTrack } from "@/lib/course/vocabulary";
import { PATH_RULES, SELF_RATING_WEIGHT, TIE_BREAK_ORDER, topicLabel, type PathRule } from "./rules";
import {
  EMPTY_LEARNER,
  type CatalogEntry,
  type LearnerState,
  type OnboardingAnswers,
  type Path,
  type PathInput,
  type PathStep,
} from "./schema";

// The path engine: (answers, learner state, catalog, now) -> path. Pure and deterministic: no clock, no I/O, and
// every ordering has a final tie-break on a stable key, so the same input always gives the same path.

/** Below this share of correct answers a topic counts as weak and pulls its lessons forward. */
export const WEAK_TOPIC_THRESHOLD = 0.8;

type Scores = Record<LanguageTrack, number>;

export type LanguageChoice = {
  primary: LanguageTrack;
  secondary: LanguageTrack;
  reasons: string[];
  /** Short phrases used on each step: "because you come from JavaScript". */
  primaryBecause: string;
  secondaryBecause: string;
  scores: { start: Scores; next: Scores };
};

const zero = (): Scores => ({ node: 0, python: 0, go: 0, rust: 0 });

function firedRules(answers: OnboardingAnswers): PathRule[] {
  const goals = new Set(answers.goals);
  return PATH_RULES.filter((rule) => ("background" in rule.when ? rule.when.background === answers.background : goals.has(rule.when.goal)));
}

function best(scores: Scores, exclude?: LanguageTrack): { language: LanguageTrack; tied: LanguageTrack[] } {
  const candidates = TIE_BREAK_ORDER.filter((l) => l !== exclude);
  const top = Math.max(...candidates.map((l) => scores[l]));
  const tied = candidates.filter((l) => scores[l] === top);
  return { language: tied[0]!, tied };
}

function strongestRule(rules: PathRule[], weight: (rule: PathRule) => number): PathRule | undefined {
  let winner: PathRule | undefined;
  for (const rule of rules) if (weight(rule) > 0 && (!winner || weight(rule) > weight(winner))) winner = rule;
  return winner;
}

export function chooseLanguages(answers: OnboardingAnswers): LanguageChoice {
  const rules = firedRules(answers);
  const start = zero();
  const next = zero();
  for (const rule of rules) {
    for (const language of LANGUAGE_TRACKS) {
      start[language] += rule.start[language] ?? 0;
      next[language] += rule.then[language] ?? 0;
    }
  }
  const rating = (l: LanguageTrack) => answers.selfRating?.[l] ?? 0;
  for (const language of LANGUAGE_TRACKS) start[language] += rating(language) * SELF_RATING_WEIGHT;

  const first = best(start);
  const primary = first.language;
  const secondScores = zero();
  for (const language of LANGUAGE_TRACKS) secondScores[language] = start[language] + next[language];
  const second = best(secondScores, primary);
  const secondary = second.language;

  const reasons = rules
    .filter((rule) => (rule.start[primary] ?? 0) > 0 || (rule.then[secondary] ?? 0) > 0 || (rule.start[secondary] ?? 0) > 0)
    .map((rule) => rule.reason);
  for (const language of [primary, secondary]) {
    if (rating(language) > 0) {
      reasons.push(`You rated yourself ${rating(language)}/5 in ${TRACK_LABELS[language]}, which counts as a head start.`);
    }
  }
  if (answers.goals.length === 0) reasons.push("You picked no goals, so your background decides. Add goals in onboarding to sharpen the path.");
  if (first.tied.length > 1) {
    const names = first.tied.map((l) => TRACK_LABELS[l]).join(" and ");
    reasons.push(`${names} fit you equally well; ties go to ${TRACK_LABELS[primary]}, the course's default order.`);
  }

  const primaryRule = strongestRule(rules, (r) => r.start[primary] ?? 0);
  const secondaryRule = strongestRule(rules, (r) => (r.then[secondary] ?? 0) + (r.start[secondary] ?? 0));
  const ratingPhrase = (l: LanguageTrack) => (rating(l) > 0 ? `you rated yourself ${rating(l)}/5 in it` : "it complements your first language");
  return {
    primary,
    secondary,
    reasons,
    primaryBecause: primaryRule?.because ?? ratingPhrase(primary),
    secondaryBecause: secondaryRule?.because ?? ratingPhrase(secondary),
    scores: { start, next: secondScores },
  };
}

type WeakTopic = { topic: string; reason: string; rank: number; lessonId: string | null };

/** Topics to revisit, worst first: quiz misses below the threshold, then review items due now. */
export function weakTopics(learner: LearnerState, now: Date): WeakTopic[] {
  const missed = Object.entries(learner.mastery)
    .filter(([, m]) => m.total > 0 && m.correct < m.total && m.correct / m.total < WEAK_TOPIC_THRESHOLD)
    .map(([topic, m]) => ({ topic, missed: Math.min(m.total, m.total - m.correct), total: m.total }))
    .sort((a, b) => b.missed - a.missed || a.missed / a.total - b.missed / b.total || a.topic.localeCompare(b.topic));
  // A review item remembers the lesson the topic was missed in, which matters for a topic no lesson lists.
  const missedIn = (topic: string) => learner.reviewItems.find((r) => r.topic === topic)?.lessonId ?? null;
  const result: WeakTopic[] = missed.map((m, rank) => ({
    topic: m.topic,
    rank,
    lessonId: missedIn(m.topic),
    reason: `review: you missed ${m.missed} of ${m.total} question${m.total === 1 ? "" : "s"} on ${topicLabel(m.topic)}`,
  }));
  const seen = new Set(result.map((w) => w.topic));
  for (const item of dueItems(learner.reviewItems, now)) {
    if (seen.has(item.topic)) continue;
    seen.add(item.topic);
    result.push({ topic: item.topic, rank: result.length, lessonId: item.lessonId ?? null, reason: `review: ${topicLabel(item.topic)} is due for review` });
  }
  return result;
}

type Key = [bucket: number, rank: number, base: number];

function compareKeys(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function uniqueCatalog(catalog: CatalogEntry[]): Map<string, CatalogEntry> {
  const byId = new Map<string, CatalogEntry>();
  for (const entry of catalog) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return byId;
}

function ratio(minutes: number, hoursPerWeek: number): number {
  if (minutes <= 0) return 0;
  return Math.ceil((minutes / (hoursPerWeek * 60)) * 10) / 10;
}

export function buildPath(input: PathInput): Path {
  const { answers, now } = input;
  const learner = input.learner ?? EMPTY_LEARNER;
  const choice = chooseLanguages(answers);
  const { primary, secondary } = choice;
  const byId = uniqueCatalog(input.catalog);

  const trackRank = new Map<string, number>([["choosing", 0], [primary, 1], [secondary, 2]]);
  const baseOrder = [...byId.values()]
    .filter((e) => trackRank.has(e.track))
    .sort((a, b) => trackRank.get(a.track)! - trackRank.get(b.track)! || a.id.localeCompare(b.id));
  const baseIndex = new Map(baseOrder.map((e, i) => [e.id, i]));

  const completed = new Set(learner.completedLessonIds);
  const placed = new Set(learner.placementPassedLessonIds);
  for (const id of answers.placement?.passedLessonIds ?? []) placed.add(id);
  const satisfied = (id: string) => completed.has(id) || placed.has(id);

  const keys = new Map<string, Key>();
  const reasons = new Map<string, string>();
  const trackReason = (entry: CatalogEntry) => {
    if (entry.track === "choosing") return "Start here: the course's criteria for choosing a language, the basis of your path";
    if (entry.track === primary) return `Your first language, ${TRACK_LABELS[primary]}: because ${choice.primaryBecause}`;
    return `Your second language, ${TRACK_LABELS[secondary]}: because ${choice.secondaryBecause}`;
  };
  for (const entry of baseOrder) {
    keys.set(entry.id, [1, 0, baseIndex.get(entry.id)!]);
    reasons.set(entry.id, trackReason(entry));
  }

  // Weak topics pull every unfinished lesson that teaches them to the front, whatever its track.
  const weak = weakTopics(learner, now);
  const catalogOrder = [...byId.values()].sort((a, b) => (baseIndex.get(a.id) ?? Infinity) - (baseIndex.get(b.id) ?? Infinity) || a.id.localeCompare(b.id));
  const pulled: string[] = [];
  for (const w of weak) {
    for (const entry of catalogOrder) {
      if (!(entry.topics.includes(w.topic) || entry.id === w.lessonId) || satisfied(entry.id)) continue;
      const current = keys.get(entry.id);
      if (current && current[0] === 0) continue;
      keys.set(entry.id, [0, w.rank, baseIndex.get(entry.id) ?? baseOrder.length]);
      reasons.set(entry.id, w.reason);
      pulled.push(entry.id);
    }
  }

  // Unfinished prerequisites join the path just ahead of the lesson that needs them, even from another track.
  const visit = (id: string, key: Key, seen: Set<string>) => {
    const entry = byId.get(id);
    if (!entry) return;
    for (const pre of entry.prerequisites) {
      if (seen.has(pre) || satisfied(pre) || !byId.has(pre)) continue;
      seen.add(pre);
      const existing = keys.get(pre);
      if (!existing || compareKeys(key, existing) < 0) {
        keys.set(pre, [key[0], key[1], Math.min(key[2], existing?.[2] ?? key[2])]);
        if (!existing || existing[0] !== 0) reasons.set(pre, `needed before "${entry.title}"`);
      }
      visit(pre, keys.get(pre)!, seen);
    }
  };
  for (const id of [...keys.keys()]) if (!satisfied(id)) visit(id, keys.get(id)!, new Set([id]));

  const doneSteps = baseOrder.filter((e) => completed.has(e.id));
  const pending = [...keys.keys()].filter((id) => !satisfied(id));
  const ordered = topologicalOrder(pending, byId, keys);

  const steps: PathStep[] = [
    ...doneSteps.map((e) => ({ lessonId: e.id, title: e.title, track: e.track, reason: trackReason(e), status: "done" as const, minutes: e.minutes })),
    ...ordered.map((id, i) => {
      const e = byId.get(id)!;
      return { lessonId: id, title: e.title, track: e.track, reason: reasons.get(id)!, status: i === 0 ? ("next" as const) : ("later" as const), minutes: e.minutes };
    }),
  ];
  const minutesLeft = ordered.reduce((sum, id) => sum + byId.get(id)!.minutes, 0);

  const toReview = (item: LearnerState["reviewItems"][number]) => ({
    topic: item.topic,
    dueAt: item.dueAt.toISOString(),
    lapses: item.lapses,
    lessonId: (item.lessonId && byId.has(item.lessonId) ? item.lessonId : catalogOrder.find((e) => e.topics.includes(item.topic))?.id) ?? null,
    reason: reviewReason(item, now),
  });
  const reviewQueue = dueItems(learner.reviewItems, now).map(toReview);
  const upcomingReviews = learner.reviewItems
    .filter((item) => !isDue(item, now))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.topic.localeCompare(b.topic))
    .map(toReview);

  const droppedByPlacement = baseOrder.filter((e) => placed.has(e.id) && !completed.has(e.id)).length;
  return {
    primary,
    secondary,
    reasons: choice.reasons,
    steps,
    minutesLeft,
    weeksLeft: ratio(minutesLeft, answers.hoursPerWeek),
    whyThisOrder: explainOrder(choice, pulled.length, droppedByPlacement),
    reviewQueue,
    upcomingReviews,
  };
}

/**
 * Kahn's algorithm with a priority: of the lessons whose prerequisites are placed, the one with the smallest key goes
 * next. A prerequisite cycle would leave nothing available; then the smallest remaining key goes anyway, so a bad
 * catalog degrades the order instead of hanging.
 */
function topologicalOrder(ids: string[], byId: Map<string, CatalogEntry>, keys: Map<string, Key>): string[] {
  const remaining = new Set(ids);
  const order: string[] = [];
  const byKey = (a: string, b: string) => compareKeys(keys.get(a)!, keys.get(b)!) || a.localeCompare(b);
  const sorted = [...ids].sort(byKey);
  while (remaining.size > 0) {
    const ready = sorted.find((id) => remaining.has(id) && byId.get(id)!.prerequisites.every((pre) => !remaining.has(pre)));
    const pick = ready ?? sorted.find((id) => remaining.has(id))!;
    remaining.delete(pick);
    order.push(pick);
  }
  return order;
}

function explainOrder(choice: LanguageChoice, pulled: number, dropped: number): string {
  const p = TRACK_LABELS[choice.primary];
  const s = TRACK_LABELS[choice.secondary];
  const parts = [
    `The choosing lessons come first, so you know the criteria your path is built on. Then ${p}, your first language (because ${choice.primaryBecause}), then ${s}, your second (because ${choice.secondaryBecause}).`,
    "A lesson always comes after the lessons it builds on.",
  ];
  if (pulled > 0) parts.push(`${pulled} lesson${pulled === 1 ? " moves" : "s move"} to the front because a quiz showed a topic worth another look.`);
  if (dropped > 0) parts.push(`${dropped} lesson${dropped === 1 ? " was" : "s were"} left out because you passed ${dropped === 1 ? "it" : "them"} in the placement quiz.`);
  return parts.join(" ");
}
