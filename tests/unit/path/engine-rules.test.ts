import { describe, expect, it } from "vitest";
import { buildPath, chooseLanguages } from "@/lib/path/engine";
import type { LanguageTrack } from "@/lib/course/vocabulary";
import { PATH_RULES } from "@/lib/path/rules";
import { onboardingAnswersSchema, type Background, type Goal } from "@/lib/path/schema";
import { PATH_CATALOG } from "@/tests/fixtures/path-catalog";

const NOW = new Date("2026-03-01T12:00:00Z");
const answers = (background: Background, goals: Goal[] = [], extra: Record<string, unknown> = {}) =>
  onboardingAnswersSchema.parse({ background, goals, hoursPerWeek: 5, ...extra });
const ruleReason = (id: string) => PATH_RULES.find((r) => r.id === id)!.reason;

// One row per rule the course teaches. Goal rows use the most neutral background (another backend language) and,
// where the course's advice is for beginners too, a newcomer.
const CASES: { name: string; background: Background; goals: Goal[]; primary: LanguageTrack[]; secondary?: LanguageTrack[]; rule: string }[] = [
  { name: "new to backend -> Go", background: "new-to-backend", goals: [], primary: ["go"], rule: "background:new-to-backend" },
  { name: "JavaScript developer -> Node.js, Go next", background: "frontend-js", goals: [], primary: ["node"], secondary: ["go"], rule: "background:frontend-js" },
  { name: "data/ML -> Python, then Go or Rust", background: "data-ml", goals: [], primary: ["python"], secondary: ["go", "rust"], rule: "background:data-ml" },
  { name: "systems C/C++ -> Rust", background: "systems", goals: [], primary: ["rust"], secondary: ["go"], rule: "background:systems" },
  { name: "other backend -> Go", background: "other-backend", goals: [], primary: ["go"], rule: "background:other-backend" },
  { name: "maximise salary -> Rust", background: "other-backend", goals: ["max-salary"], primary: ["rust"], secondary: ["go"], rule: "goal:max-salary" },
  { name: "maximise salary as a newcomer -> Rust", background: "new-to-backend", goals: ["max-salary"], primary: ["rust"], rule: "goal:max-salary" },
  { name: "startup MVP -> Python or Node.js, Go as you scale", background: "other-backend", goals: ["startup-mvp"], primary: ["python", "node"], secondary: ["go"], rule: "goal:startup-mvp" },
  { name: "startup MVP as a newcomer -> Python or Node.js, then Go", background: "new-to-backend", goals: ["startup-mvp"], primary: ["python", "node"], secondary: ["go"], rule: "goal:startup-mvp" },
  { name: "performance-critical -> Rust or Go", background: "other-backend", goals: ["performance-critical"], primary: ["rust", "go"], secondary: ["rust", "go"], rule: "goal:performance-critical" },
  { name: "real-time -> Go or Node.js", background: "other-backend", goals: ["real-time"], primary: ["go", "node"], secondary: ["go", "node"], rule: "goal:real-time" },
  { name: "real-time JavaScript developer -> Node.js", background: "frontend-js", goals: ["real-time"], primary: ["node"], secondary: ["go"], rule: "goal:real-time" },
  { name: "cloud infrastructure -> Go", background: "other-backend", goals: ["cloud-infra"], primary: ["go"], rule: "goal:cloud-infra" },
  { name: "cloud infrastructure from C++ -> Rust then Go", background: "systems", goals: ["cloud-infra"], primary: ["rust", "go"], secondary: ["rust", "go"], rule: "goal:cloud-infra" },
  { name: "serve ML models -> Python, then Go or Rust", background: "other-backend", goals: ["ml-serving"], primary: ["python"], secondary: ["go", "rust"], rule: "goal:ml-serving" },
  { name: "serve ML models as a newcomer -> Python", background: "new-to-backend", goals: ["ml-serving"], primary: ["python"], rule: "goal:ml-serving" },
  { name: "first backend job -> Go", background: "other-backend", goals: ["first-job"], primary: ["go"], rule: "goal:first-job" },
];

describe("the rules table", () => {
  it.each(CASES)("$name", ({ background, goals, primary, secondary, rule }) => {
    const path = buildPath({ answers: answers(background, goals), catalog: PATH_CATALOG, now: NOW });
    expect(primary).toContain(path.primary);
    if (secondary) expect(secondary).toContain(path.secondary);
    expect(path.secondary).not.toBe(path.primary);
    expect(path.reasons).toContain(ruleReason(rule));
  });

  it("every rule in the table is exercised above", () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(PATH_RULES.map((r) => r.id)));
  });

  it("the path starts with the choosing track, then the primary track, then the secondary", () => {
    const path = buildPath({ answers: answers("frontend-js"), catalog: PATH_CATALOG, now: NOW });
    expect(path.steps.map((s) => s.track)).toEqual(["choosing", "choosing", "node", "node", "node", "go", "go", "go"]);
    expect(path.steps[2]!.reason).toBe("Your first language, Node.js: because you come from JavaScript");
    expect(path.steps[5]!.reason).toMatch(/^Your second language, Go: because /);
  });

  it("goals add up: salary and performance together outweigh a JavaScript background", () => {
    const plain = chooseLanguages(answers("frontend-js"));
    const oneGoal = chooseLanguages(answers("frontend-js", ["max-salary"]));
    const ambitious = chooseLanguages(answers("frontend-js", ["max-salary", "performance-critical"]));
    expect([plain.primary, oneGoal.primary]).toEqual(["node", "node"]);
    expect(ambitious.scores.start.rust).toBeGreaterThan(oneGoal.scores.start.rust);
    expect(ambitious.primary).toBe("rust");
  });

  it("self-ratings adjust the scores and say so", () => {
    const base = chooseLanguages(answers("other-backend"));
    const rated = chooseLanguages(answers("other-backend", [], { selfRating: { python: 5 } }));
    expect(base.primary).toBe("go");
    expect(rated.primary).toBe("python");
    expect(rated.reasons).toContain("You rated yourself 5/5 in Python, which counts as a head start.");
  });

  it("ties are broken in a fixed order and the reason says so", () => {
    const choice = chooseLanguages(answers("other-backend", ["performance-critical"]));
    expect(choice.scores.start.go).toBe(choice.scores.start.rust);
    expect(choice.primary).toBe("go");
    expect(choice.reasons.some((r) => r.startsWith("Go and Rust fit you equally well"))).toBe(true);
  });

  it("with no goals the background decides and the reasons say so", () => {
    const path = buildPath({ answers: answers("data-ml"), catalog: PATH_CATALOG, now: NOW });
    expect(path.primary).toBe("python");
    expect(path.reasons.some((r) => r.includes("no goals"))).toBe(true);
  });

  it("two learners with different answers get different paths", () => {
    const a = buildPath({ answers: answers("frontend-js"), catalog: PATH_CATALOG, now: NOW });
    const b = buildPath({ answers: answers("systems", ["max-salary"]), catalog: PATH_CATALOG, now: NOW });
    expect(a.primary).not.toBe(b.primary);
    expect(a.steps.map((s) => s.lessonId)).not.toEqual(b.steps.map((s) => s.lessonId));
  });
});
