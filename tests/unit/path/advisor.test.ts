import { describe, expect, it } from "vitest";
import { advise, normaliseTeam } from "@/lib/path/advisor";
import type { LanguageTrack } from "@/lib/course/vocabulary";
import { advisorInputSchema } from "@/lib/path/advisor-schema";
import { ADVISOR_CRITERIA, BEYOND_THE_COURSE, type AdvisorProject } from "@/lib/path/rules";
import type { CatalogEntry } from "@/lib/path/schema";
import { PATH_CATALOG } from "@/tests/fixtures/path-catalog";

const project = (input: Record<string, unknown>) =>
  advisorInputSchema.parse({ requestsPerSecond: 500, p99LatencyMs: 200, teamLanguages: [], timeToMarket: "months", ...input });
const catalogIds = new Set(PATH_CATALOG.map((e) => e.id));

const CASES: { name: string; input: Record<string, unknown>; expected: LanguageTrack[]; reason: RegExp }[] = [
  { name: "200k rps and a 5 ms p99 -> Rust or Go", input: { requestsPerSecond: 200_000, p99LatencyMs: 5 }, expected: ["rust", "go"], reason: /past 100,000 per instance/ },
  { name: "a 3 ms p99 for a C++ team -> Rust", input: { p99LatencyMs: 3, teamLanguages: ["C++"] }, expected: ["rust"], reason: /no garbage collector/ },
  { name: "an ML team shipping in weeks -> Python", input: { teamLanguages: ["python"], needsML: true, timeToMarket: "weeks" }, expected: ["python"], reason: /PyTorch/ },
  { name: "a JavaScript team with real-time features -> Node.js or Go", input: { teamLanguages: ["TypeScript"], realTime: true }, expected: ["node", "go"], reason: /WebSockets/ },
  { name: "a JavaScript team with real-time features shipping in weeks -> Node.js", input: { teamLanguages: ["javascript"], realTime: true, timeToMarket: "weeks" }, expected: ["node"], reason: /WebSockets/ },
  { name: "a Go team at 50k rps -> Go", input: { requestsPerSecond: 50_000, teamLanguages: ["golang"] }, expected: ["go"], reason: /between 10,000 and 100,000/ },
  { name: "a small API on a tight budget in weeks -> Node.js or Python", input: { budget: "low", timeToMarket: "weeks" }, expected: ["node", "python"], reason: /easiest to find/ },
  { name: "ML at 150k rps -> Rust or Go to serve it", input: { requestsPerSecond: 150_000, p99LatencyMs: 8, needsML: true }, expected: ["rust", "go"], reason: /PyTorch/ },
];

describe("the stack advisor", () => {
  it.each(CASES)("$name", ({ input, expected, reason }) => {
    const result = advise(project(input), PATH_CATALOG);
    expect(expected).toContain(result.recommendation);
    expect(result.reasons.some((r) => reason.test(r.text))).toBe(true);
    expect(result.reasons[0]!.effect).toBe("for");
    expect(result.reasons.every((r) => r.lessonId !== null && catalogIds.has(r.lessonId))).toBe(true);
    expect(Math.max(...Object.values(result.scores))).toBe(result.scores[result.recommendation]);
    expect(result.alternatives.map((a) => a.language)).not.toContain(result.recommendation);
    expect(result.beyond.slice(0, BEYOND_THE_COURSE[result.recommendation].length)).toEqual(BEYOND_THE_COURSE[result.recommendation]);
  });

  it("links each reason to a lesson that teaches it, in the recommended track first", () => {
    const realTime = advise(project({ teamLanguages: ["js"], realTime: true, timeToMarket: "weeks" }), PATH_CATALOG);
    const ws = realTime.reasons.find((r) => /WebSockets/.test(r.text))!;
    expect(ws.lessonId).toBe("node/01-event-loop");
    const ml = advise(project({ teamLanguages: ["python"], needsML: true, timeToMarket: "weeks" }), PATH_CATALOG);
    expect(ml.reasons.find((r) => /PyTorch/.test(r.text))!.lessonId).toBe("python/03-serving-models");
    const fast = advise(project({ requestsPerSecond: 200_000, p99LatencyMs: 5 }), PATH_CATALOG);
    const throughput = fast.reasons.find((r) => /100,000/.test(r.text))!;
    const lesson = PATH_CATALOG.find((e) => e.id === throughput.lessonId)!;
    expect(lesson.topics.some((t) => ["throughput", "benchmarks", "goroutines", "concurrency", "performance", "async"].includes(t))).toBe(true);
  });

  it("falls back to the track's first lesson when no lesson covers the topic, and to null with no catalog", () => {
    const firsts: CatalogEntry[] = [
      { id: "python/01-python-for-the-web", track: "python", title: "Python for the web", minutes: 20, topics: ["fastapi"], prerequisites: [] },
      { id: "go/01-goroutines", track: "go", title: "Goroutines", minutes: 20, topics: ["goroutines"], prerequisites: [] },
    ];
    const result = advise(project({ teamLanguages: ["python"], needsML: true, timeToMarket: "weeks" }), firsts);
    expect(result.reasons.find((r) => /PyTorch/.test(r.text))!.lessonId).toBe("python/01-python-for-the-web");
    expect(advise(project({}), []).reasons.every((r) => r.lessonId === null)).toBe(true);
  });

  it("strongest supporting reason first; reasons against the choice stay visible", () => {
    const result = advise(project({ requestsPerSecond: 200_000, p99LatencyMs: 5, timeToMarket: "weeks", teamLanguages: ["python"] }), PATH_CATALOG);
    expect(["rust", "go"]).toContain(result.recommendation);
    expect(result.reasons.at(-1)).toMatchObject({ effect: "against", text: expect.stringMatching(/ship in weeks/) });
    expect(result.reasons[0]!.effect).toBe("for");
  });

  it("adds ML serving steps to the path beyond the course", () => {
    expect(advise(project({ requestsPerSecond: 150_000, p99LatencyMs: 8, needsML: true }), PATH_CATALOG).beyond.at(-1)).toMatch(/ONNX/);
    expect(advise(project({ requestsPerSecond: 20_000, teamLanguages: ["python"], needsML: true, timeToMarket: "weeks" }), PATH_CATALOG).beyond.at(-1)).toMatch(/hot inference path/);
  });

  it("is deterministic and the same for equal inputs written differently", () => {
    const a = advise(project({ teamLanguages: ["TypeScript", "golang"], realTime: true }), PATH_CATALOG);
    const b = advise(project({ teamLanguages: [" golang ", "typescript", "COBOL"], realTime: true }), [...PATH_CATALOG].reverse());
    expect(b).toEqual(a);
  });

  it("normalises team languages and ignores unknown ones", () => {
    expect([...normaliseTeam(["TypeScript", "Node.js", "golang", "C++", "COBOL", "py"])].sort()).toEqual(["go", "node", "python", "systems"]);
  });

  it("every criterion in the table fires in at least one case above", () => {
    const projects: AdvisorProject[] = CASES.map(({ input }) => {
      const p = project(input);
      return { ...p, team: normaliseTeam(p.teamLanguages) };
    });
    projects.push({ ...projects[0]!, budget: "high" });
    for (const criterion of ADVISOR_CRITERIA) expect(projects.some((p) => criterion.applies(p)), criterion.id).toBe(true);
  });

  it("rejects nonsense input", () => {
    expect(advisorInputSchema.safeParse({ requestsPerSecond: -1, p99LatencyMs: 5, timeToMarket: "weeks" }).success).toBe(false);
    expect(advisorInputSchema.safeParse({ requestsPerSecond: 10, p99LatencyMs: 0, timeToMarket: "weeks" }).success).toBe(false);
    expect(advisorInputSchema.safeParse({ requestsPerSecond: 10, p99LatencyMs: 5, timeToMarket: "yesterday" }).success).toBe(false);
  });
});
