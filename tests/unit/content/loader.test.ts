import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatIssue } from "@/lib/content/issues";
import { LANGUAGE_TRACKS, TRACKS } from "@/lib/course/vocabulary";
import { loadContent } from "@/lib/content/load";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/content");
const load = (name: string) => loadContent(path.join(fixtures, name, "lessons"));
const exercise = "lessons/node/01-first/exercises";

describe("loadContent on a valid tree", () => {
  const { catalog, issues } = load("valid");

  it("reports no problems", () => {
    expect(issues).toEqual([]);
  });

  it("orders tracks by their order field and sums lesson minutes", () => {
    expect(catalog.tracks.map((t) => [t.id, t.title, t.lessonIds, t.minutes])).toEqual([
      ["node", "Alpha", ["node/01-first"], 10],
      ["python", "Beta", ["python/01-second"], 5],
    ]);
  });

  it("reads a lesson: id, href, headings with ids, sections, examples and quiz", () => {
    const lesson = catalog.lessons.find((l) => l.id === "node/01-first");
    expect(lesson).toMatchObject({ trackId: "node", slug: "01-first", number: 1, href: "/learn/node/01-first", title: "First lesson" });
    expect(lesson?.headings).toEqual([
      { depth: 2, text: "Running code", id: "running-code", line: 17 },
      { depth: 2, text: "Comparing", id: "comparing", line: 21 },
      { depth: 3, text: "Details", id: "details", line: 27 },
    ]);
    expect(lesson?.sections.map((s) => [s.id, s.text])).toEqual([
      ["", "Intro text with bold words."],
      ["running-code", ""],
      ["comparing", "A callout."],
      ["details", "More text, with a citation ."],
    ]);
    // One language per name keeps the short id; a name shared by several languages gets the extension.
    expect(lesson?.examples.map((e) => [e.id, e.language, e.expectedOutput])).toEqual([
      ["node/01-first/add.js", "javascript", "3\n"],
      ["node/01-first/add.py", "python", "3\n"],
      ["node/01-first/hello", "javascript", "hello\n"],
    ]);
    expect(lesson?.quiz?.questions.map((q) => q.id)).toEqual(["pick-one", "both"]);
    expect(lesson?.quiz?.passMark).toBe(0.8);
    expect(lesson?.citedSources).toEqual(["loader-guide"]);
  });

  it("reads a lesson's exercises with ids <lesson id>/<name>, in name order", () => {
    const lesson = catalog.lessons.find((l) => l.id === "node/01-first");
    expect(lesson?.exercises.map((e) => [e.id, e.language, e.title, e.tests.map((t) => t.name), e.hints])).toEqual([
      ["node/01-first/double", "javascript", "Double a number", ["doubles 2", "doubles 0"], ["Multiply by two."]],
      ["node/01-first/greet", "python", "Greet by name", ["greets Ada"], []],
    ]);
    expect(lesson?.exercises[0]?.solution).toContain("return n * 2;");
    expect(lesson?.exercises[0]?.harness).toContain('__check("doubles 2", () => double(2));');
    expect(lesson?.exercises[1]?.tests).toEqual([{ name: "greets Ada", expect: "Hello, Ada!" }]);
    expect(catalog.lessons.find((l) => l.id === "python/01-second")?.exercises).toEqual([]);
  });
});

describe("loadContent on broken trees: one precise message each", () => {
  it.each([
    ["bad-front-matter", 'lessons/node/01-first/index.mdx:6: front matter "minutes": Invalid input: expected number, received string'],
    ["unknown-front-matter-field", 'lessons/node/01-first/index.mdx:7: front matter "author": unknown field'],
    ["missing-front-matter", "lessons/node/01-first/index.mdx:1: index.mdx must start with front matter between two --- lines"],
    ["unknown-prerequisite", 'lessons/python/01-second/index.mdx:10: unknown prerequisite "node/09-missing": no lesson has that id'],
    ["unknown-component", "lessons/node/01-first/index.mdx:31: unknown component <Quizz> (known: Example, Compare, Callout, BarChart, Figure, Cite)"],
    ["mdx-syntax-error", "lessons/node/01-first/index.mdx:29: MDX syntax error: Unexpected end of file before member name, expected a character that can start an attribute name, such as a letter, `$`, or `_`; whitespace before attributes; or the end of the tag"],
    ["duplicate-question-id", 'lessons/node/01-first/quiz.yaml:12: duplicate question id "pick-one" (first used on line 2)'],
    ["duplicate-lesson-number", 'lessons/node/01-first: duplicate lesson number "01" in track "node": 01-again and 01-first'],
    ["quiz-without-answer", 'lessons/node/01-first/quiz.yaml:2: question "pick-one" has no correct answer (add "answer:")'],
    ["quiz-choice-with-comma", 'lessons/node/01-first/quiz.yaml:6: quiz "questions[0].choices[0].or B": unknown field'],
    ["quiz-answer-not-a-choice", 'lessons/node/01-first/quiz.yaml:8: question "pick-one": the answer "c" is not one of its choices'],
    ["quiz-without-explanation", 'lessons/node/01-first/quiz.yaml:12: question "both" has no explanation (add "explanation:", shown after submitting)'],
    ["quiz-unknown-section", 'lessons/node/01-first/quiz.yaml:11: question "pick-one": section "no-such-heading" is not a heading id in index.mdx'],
    ["example-without-output", "lessons/node/01-first/examples/hello.js: example has no expected output: add examples/hello.out with what it prints"],
    ["example-file-missing", 'lessons/node/01-first/index.mdx:19: <Example file="hello.go">: no such example in examples/'],
    ["compare-single-language", 'lessons/node/01-first/index.mdx:23: <Compare name="add">: needs at least two examples named add.<ext> in examples/'],
    ["cite-unknown-source", 'lessons/node/01-first/index.mdx:29: <Cite source="no-such-source">: no such source in lessons/sources.yaml'],
    ["sources-bad-date", 'lessons/sources.yaml:5: sources "sources[0].date": must be YYYY, YYYY-MM or YYYY-MM-DD'],
    ["missing-track-yaml", "lessons/python/track.yaml: missing track.yaml (title, pitch, order)"],
    ["exercise-language-not-in-lesson", `${exercise}/double.yaml:3: exercise language "go" is not one of the lesson's languages (javascript, python)`],
    ["exercise-without-tests", `${exercise}/double.yaml: exercise has no tests (add "tests:" with a "- name:" and an "expect:" for each test the harness checks)`],
    ["exercise-duplicate-test-name", `${exercise}/double.yaml:17: duplicate test name "doubles 2" (first used on line 15)`],
    ["exercise-unknown-field", `${exercise}/double.yaml:12: exercise "hint": unknown field`],
    ["exercise-bad-file-name", `${exercise}/Greet.yml: exercise files are named <kebab-name>.yaml, e.g. parallel-sum.yaml`],
    ["exercise-starter-is-solution", `${exercise}/double.yaml:4: the starter is the solution: the exercise would be complete before the learner starts`],
    ["exercise-harness-prints-verdicts", `${exercise}/double.yaml:19: exercise "harness": the harness reports observations with __check(name, fn); it must not print @@TEST verdict lines or {{NONCE}}`],
    ["exercise-test-without-expect", `${exercise}/double.yaml:17: exercise "tests[1].expect": needs the value the check must observe: null, true, 2, "text", a list or a mapping`],
    ["exercise-duplicate-title", `${exercise}/greet.yaml:1: duplicate exercise title "Double a number" (also in double.yaml)`],
    ["exercise-yaml-syntax", `${exercise}/double.yaml:3: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`],
  ])("%s", (name, message) => {
    const { issues } = load(`broken/${name}`);
    expect(issues.map(formatIssue)).toEqual([message]);
  });
});

describe("loadContent on a track folder the course vocabulary does not name", () => {
  // A copy of the valid tree plus lessons/cobol/, a complete track in every other respect.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bp-unknown-track-"));
  const lessons = path.join(root, "lessons");
  fs.cpSync(path.join(fixtures, "valid", "lessons"), lessons, { recursive: true });
  fs.cpSync(path.join(lessons, "python"), path.join(lessons, "cobol"), { recursive: true });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("refuses the folder with its path and the tracks there are, and loads nothing from it", () => {
    const { issues, catalog } = loadContent(lessons);
    expect(issues.map(formatIssue)).toEqual([
      'lessons/cobol: unknown track "cobol": track folders are choosing, node, python, go, rust (add a new one to lib/course/vocabulary.ts first)',
    ]);
    expect(catalog.tracks.map((t) => t.id)).toEqual(["node", "python"]);
    expect(catalog.lessons.some((l) => l.id.startsWith("cobol/"))).toBe(false);
  });
});

describe("the course content", () => {
  it("loads without a single problem", () => {
    const { issues, catalog } = loadContent(path.resolve(import.meta.dirname, "../../../lessons"));
    expect(issues.map(formatIssue)).toEqual([]);
    expect(catalog.tracks.map((t) => t.id)).toEqual(TRACKS);
    // Every language track practises in its own language.
    for (const track of LANGUAGE_TRACKS) {
      expect(catalog.lessons.some((l) => l.trackId === track && l.exercises.length > 0)).toBe(true);
    }
  });
});
