// npm run content:check — validates every lesson (front matter, components, prerequisites, quizzes, examples,
// exercises), runs each runnable example through the real server runner comparing stdout with its .out file, and
// checks every exercise with the real runner: its solution gives every test's `expect` and its starter does not; runs
// every "what does this print" quiz question and compares it with its answer; and runs the four-language lab's
// programs (lessons/_lab) against their expected output.
// Options: --no-run (validation only), --only <lessonId prefix> (e.g. go/ or rust/01-ownership-and-async; `lab` for
// the lab alone).
import path from "node:path";
import { checkExamples } from "@/lib/content/examples";
import { formatIssue } from "@/lib/content/issues";
import { checkLab, loadLab } from "@/lib/content/lab";
import { loadContent, type Lesson } from "@/lib/content/load";
import { checkOutputQuestions, outputQuestions } from "@/lib/content/output-questions";
import { checkExercise } from "@/lib/runner/check-exercise";
import { runCode } from "@/lib/runner/run-code";

async function main() {
  const args = process.argv.slice(2);
  const noRun = args.includes("--no-run");
  const onlyIndex = args.indexOf("--only");
  const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

  const root = path.join(process.cwd(), "lessons");
  const { catalog, issues } = loadContent(root);
  const lab = loadLab();
  issues.push(...lab.issues);
  const lessons = catalog.lessons.filter((l) => !only || l.id.startsWith(only));
  console.log(`Checked ${catalog.tracks.length} tracks, ${catalog.lessons.length} lessons and ${lab.programs.length} lab programs.`);
  if (issues.length) {
    console.error(`\n${issues.length} problem(s):`);
    for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
  }

  let failures = 0;
  if (!noRun) {
    const examples = lessons.flatMap((l) => l.examples);
    console.log(`Running ${examples.length} example(s) through the server runner…`);
    const results = await checkExamples(examples, (req) => runCode(req));
    for (const r of results) {
      if (r.ok) console.log(`  ok   ${r.example.path}`);
      else {
        failures++;
        console.error(`  FAIL ${r.message}`);
      }
    }
  }

  let exerciseFailures = 0;
  if (!noRun) {
    const exercises = lessons.flatMap((l) => l.exercises.map((exercise) => ({ exercise, file: exerciseFile(l, exercise.id) })));
    console.log(`Checking ${exercises.length} exercise(s): the solution must pass, the starter must not…`);
    // One at a time: the runner's queue is shared with the examples' runs and would refuse a burst.
    for (const { exercise, file } of exercises) {
      const problems: string[] = [];
      const solved = await checkExercise(exercise, exercise.solution, "content-check");
      // The message holds the value the solution gave: the author pastes it as `expect:` once it is known to be right.
      for (const test of solved.tests.filter((t) => !t.passed)) problems.push(`the solution fails "${test.name}": ${test.message}`);
      if (!solved.passed && problems.length === 0) problems.push(`the solution does not pass${solved.stderr ? `: ${solved.stderr.trim().split("\n")[0]}` : ""}`);
      const started = await checkExercise(exercise, exercise.starter, "content-check");
      if (started.passed) problems.push("the starter already passes every test: the exercise is complete before it starts");
      if (problems.length === 0) console.log(`  ok   ${file}`);
      else {
        exerciseFailures++;
        for (const problem of problems) console.error(`  FAIL ${file}: ${problem}`);
      }
    }
  }

  if (!noRun) {
    const questions = outputQuestions(lessons);
    console.log(`Running ${questions.length} "what does this print" question(s)…`);
    for (const r of await checkOutputQuestions(questions, (req) => runCode(req))) {
      if (r.ok) console.log(`  ok   ${r.question.file} ${r.question.id}`);
      else {
        failures++;
        console.error(`  FAIL ${r.message}`);
      }
    }
  }

  if (!noRun && (!only || only === "lab")) {
    console.log(`Running the lab's ${lab.programs.length} program(s) in ${lab.programs[0]?.sources.length ?? 0} languages…`);
    for (const r of await checkLab(lab.programs, (req) => runCode(req))) {
      if (r.ok) console.log(`  ok   ${r.source.path}`);
      else {
        failures++;
        console.error(`  FAIL ${r.message}`);
      }
    }
  }

  if (issues.length || failures || exerciseFailures) {
    console.error(
      `\ncontent:check failed: ${issues.length} content problem(s), ${failures} example(s), question(s) or lab program(s) with wrong output, ${exerciseFailures} exercise(s) that do not check out.`,
    );
    process.exit(1);
  }
  console.log("\ncontent:check passed.");
}

function exerciseFile(lesson: Lesson, exerciseId: string): string {
  return `${path.dirname(lesson.file)}/exercises/${exerciseId.slice(lesson.id.length + 1)}.yaml`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
