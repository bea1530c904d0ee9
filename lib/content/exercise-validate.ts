import type { ContentIssue } from "./issues";
import { exerciseSchema, type Exercise } from "./exercise-schema";
import { describeZodIssues, isYamlSyntaxError, parseYamlSource } from "./yaml-source";

// exercises/<name>.yaml beyond its schema: a language the lesson teaches, tests to grade, one name per test, and a
// starter that is not already the answer. Whether the solution really gives every `expect` is the content check's
// job (it runs the solution).

/** `languages` null: the lesson's front matter is broken, so there is nothing to check the language against. */
type ValidateArgs = { source: string; file: string; id: string; languages: readonly string[] | null };

export function validateExercise({ source, file, id, languages }: ValidateArgs): { exercise?: Exercise; titleLine?: number; issues: ContentIssue[] } {
  const yaml = parseYamlSource(source);
  if (isYamlSyntaxError(yaml)) return { issues: [{ file, line: yaml.line, message: yaml.message }] };
  const issues: ContentIssue[] = [];
  const add = (line: number | undefined, message: string) => issues.push({ file, ...(line ? { line } : {}), message });

  const raw = yaml.data as { tests?: unknown } | null;
  if (!raw || typeof raw !== "object") return { issues: [{ file, line: 1, message: "an exercise file is a mapping: title, prompt, language, starter, solution, harness, tests, hints" }] };
  if (!Array.isArray(raw.tests) || raw.tests.length === 0) {
    add(raw.tests === undefined ? undefined : yaml.lineOf(["tests"]), 'exercise has no tests (add "tests:" with a "- name:" and an "expect:" for each test the harness checks)');
    return { issues };
  }

  const parsed = exerciseSchema.safeParse(yaml.data);
  if (!parsed.success) {
    for (const d of describeZodIssues(parsed.error.issues, yaml, "exercise")) add(d.line, d.message);
    return { issues };
  }
  const exercise = parsed.data;
  if (languages && !languages.includes(exercise.language)) {
    add(yaml.lineOf(["language"]), `exercise language "${exercise.language}" is not one of the lesson's languages (${languages.join(", ")})`);
  }
  const firstLine = new Map<string, number>();
  exercise.tests.forEach((test, i) => {
    const line = yaml.lineOf(["tests", i]);
    const seen = firstLine.get(test.name);
    if (seen !== undefined) add(line, `duplicate test name "${test.name}" (first used on line ${seen})`);
    else firstLine.set(test.name, line);
  });
  if (exercise.starter.trim() === exercise.solution.trim()) {
    add(yaml.lineOf(["starter"]), "the starter is the solution: the exercise would be complete before the learner starts");
  }
  return issues.length ? { issues } : { exercise: { ...exercise, id }, titleLine: yaml.lineOf(["title"]), issues };
}
