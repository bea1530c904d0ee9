import { quizSchema, type Quiz } from "./quiz-schema";
import type { ContentIssue } from "./issues";
import { describeZodIssues, isYamlSyntaxError, parseYamlSource } from "./yaml-source";

// quiz.yaml beyond its schema: answers that point at real choices, one id per question, links to real headings.

type RawQuestion = { id?: unknown; kind?: unknown; answer?: unknown; explanation?: unknown };

export function validateQuiz(source: string, file: string, headingIds: ReadonlySet<string>): { quiz?: Quiz; issues: ContentIssue[] } {
  const yaml = parseYamlSource(source);
  if (isYamlSyntaxError(yaml)) return { issues: [{ file, line: yaml.line, message: yaml.message }] };
  const issues: ContentIssue[] = [];
  const add = (line: number, message: string) => issues.push({ file, line, message });

  const rawQuestions = (yaml.data as { questions?: unknown } | null)?.questions;
  if (Array.isArray(rawQuestions)) {
    rawQuestions.forEach((raw: RawQuestion, i) => {
      if (!raw || typeof raw !== "object") return;
      const name = typeof raw.id === "string" ? `question "${raw.id}"` : `question ${i + 1}`;
      if (!("answer" in raw) || raw.answer === null) add(yaml.lineOf(["questions", i]), `${name} has no correct answer (add "answer:")`);
      if (typeof raw.explanation !== "string" || !raw.explanation.trim()) {
        add(yaml.lineOf(["questions", i]), `${name} has no explanation (add "explanation:", shown after submitting)`);
      }
    });
  }
  if (issues.length) return { issues };

  const parsed = quizSchema.safeParse(yaml.data);
  if (!parsed.success) {
    for (const d of describeZodIssues(parsed.error.issues, yaml, "quiz")) add(d.line, d.message);
    return { issues };
  }
  const quiz = parsed.data;
  const firstLine = new Map<string, number>();
  quiz.questions.forEach((q, i) => {
    const line = yaml.lineOf(["questions", i]);
    const name = `question "${q.id}"`;
    const seen = firstLine.get(q.id);
    if (seen !== undefined) add(line, `duplicate question id "${q.id}" (first used on line ${seen})`);
    else firstLine.set(q.id, line);

    if (q.section !== undefined && !headingIds.has(q.section)) {
      add(yaml.lineOf(["questions", i, "section"]), `${name}: section "${q.section}" is not a heading id in index.mdx`);
    }
    const answerLine = yaml.lineOf(["questions", i, "answer"]);
    switch (q.kind) {
      case "single":
      case "multiple": {
        const ids = q.choices.map((c) => c.id);
        const dup = ids.find((id, k) => ids.indexOf(id) !== k);
        if (dup) add(yaml.lineOf(["questions", i, "choices"]), `${name}: duplicate choice id "${dup}"`);
        const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
        for (const a of answers) if (!ids.includes(a)) add(answerLine, `${name}: the answer "${a}" is not one of its choices`);
        break;
      }
      case "order": {
        const ids = q.items.map((c) => c.id).sort();
        const ordered = q.answer.flat().sort();
        if (ids.join("\u0000") !== ordered.join("\u0000")) add(answerLine, `${name}: the answer must list every item exactly once`);
        break;
      }
      case "fill-blank": {
        const blanks = q.code.split("___").length - 1;
        if (blanks !== q.answer.length) add(answerLine, `${name}: the code has ${blanks} blank(s) but the answer lists ${q.answer.length}`);
        break;
      }
      default:
        break;
    }
  });
  return issues.length ? { issues } : { quiz, issues };
}
