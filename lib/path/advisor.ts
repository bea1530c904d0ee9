import { LANGUAGE_TRACKS, TRACK_LABELS, type LanguageTrack } from "@/lib/course/vocabulary";
import type { AdvisorInput, AdvisorResult } from "./advisor-schema";
import { ADVISOR_CRITERIA, BEYOND_THE_COURSE, TIE_BREAK_ORDER, type AdvisorCriterion, type AdvisorProject, type TeamSkill } from "./rules";
import type { CatalogEntry } from "./schema";

// The stack advisor: a project description -> a recommended language with reasons, each linked to the lesson that
// teaches it. Pure: the catalog comes in as an argument, like the path engine's.

const TEAM_ALIASES: Record<string, TeamSkill> = {
  node: "node",
  nodejs: "node",
  "node.js": "node",
  javascript: "node",
  js: "node",
  typescript: "node",
  ts: "node",
  python: "python",
  py: "python",
  go: "go",
  golang: "go",
  rust: "rust",
  c: "systems",
  "c++": "systems",
  cpp: "systems",
};

export function normaliseTeam(languages: readonly string[]): Set<TeamSkill> {
  const team = new Set<TeamSkill>();
  for (const name of languages) {
    const skill = TEAM_ALIASES[name.trim().toLowerCase()];
    if (skill) team.add(skill);
  }
  return team;
}

function byId(a: CatalogEntry, b: CatalogEntry) {
  return a.id.localeCompare(b.id);
}

/** The lesson behind a reason: the recommended track's lesson on the topic, else the choosing track's, else any. */
export function lessonFor(criterion: AdvisorCriterion, language: LanguageTrack, catalog: readonly CatalogEntry[]): string | null {
  const sorted = [...catalog].sort(byId);
  const inTrack = (track: string, topics: readonly string[] | undefined) =>
    topics && sorted.find((e) => e.track === track && e.topics.some((t) => topics.includes(t)));
  const general = criterion.topics.general;
  const found =
    inTrack(language, criterion.topics[language]) ||
    inTrack(language, general) ||
    inTrack("choosing", general) ||
    sorted.find((e) => e.topics.some((t) => general.includes(t))) ||
    sorted.find((e) => e.track === language) ||
    sorted[0];
  return found?.id ?? null;
}

export function advise(input: AdvisorInput, catalog: readonly CatalogEntry[]): AdvisorResult {
  const project: AdvisorProject = {
    requestsPerSecond: input.requestsPerSecond,
    p99LatencyMs: input.p99LatencyMs,
    team: normaliseTeam(input.teamLanguages),
    needsML: input.needsML,
    realTime: input.realTime,
    timeToMarket: input.timeToMarket,
    budget: input.budget,
  };
  const fired = ADVISOR_CRITERIA.filter((c) => c.applies(project)).map((c) => ({ criterion: c, weights: c.weights(project) }));
  const scores = Object.fromEntries(LANGUAGE_TRACKS.map((l) => [l, 0])) as Record<LanguageTrack, number>;
  for (const { weights } of fired) for (const l of LANGUAGE_TRACKS) scores[l] += weights[l] ?? 0;

  const ranked = [...TIE_BREAK_ORDER].sort((a, b) => scores[b] - scores[a] || TIE_BREAK_ORDER.indexOf(a) - TIE_BREAK_ORDER.indexOf(b));
  const recommendation = ranked[0]!;
  const weightFor = (f: (typeof fired)[number], l: LanguageTrack) => f.weights[l] ?? 0;

  // Strongest support for the recommendation first; the criteria that count against it stay visible, last.
  const reasons = [...fired]
    .sort((a, b) => weightFor(b, recommendation) - weightFor(a, recommendation))
    .map((f) => ({
      text: f.criterion.text(project),
      lessonId: lessonFor(f.criterion, recommendation, catalog),
      effect: effectOf(weightFor(f, recommendation), Math.max(...LANGUAGE_TRACKS.map((l) => weightFor(f, l)))),
    }));

  const alternatives = ranked.slice(1, 3).map((language) => {
    const support = [...fired].filter((f) => weightFor(f, language) > 0).sort((a, b) => weightFor(b, language) - weightFor(a, language))[0];
    return {
      language,
      note: support
        ? `${TRACK_LABELS[language]} also fits: ${support.criterion.text(project)}`
        : `${TRACK_LABELS[language]} scores lower on every criterion you gave.`,
    };
  });

  return { recommendation, alternatives, reasons, beyond: beyond(recommendation, project), scores };
}

/** A criterion argues for the recommendation when nothing gains more from it, against it when another language does. */
function effectOf(weight: number, strongest: number): "for" | "against" | "neutral" {
  if (weight < strongest) return "against";
  return weight > 0 ? "for" : "neutral";
}

function beyond(language: LanguageTrack, project: AdvisorProject): string[] {
  const steps = [...BEYOND_THE_COURSE[language]];
  if (project.needsML && language !== "python") {
    steps.push(`Keep training models in Python, export them (for example to ONNX) and serve them from ${TRACK_LABELS[language]}.`);
  }
  if (project.needsML && language === "python" && (project.requestsPerSecond > 10_000 || project.p99LatencyMs < 10)) {
    steps.push("When serving becomes the bottleneck, move the hot inference path to Go or Rust behind the same API.");
  }
  return steps;
}
