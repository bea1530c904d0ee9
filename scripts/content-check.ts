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
import type { Exercise } from "@/lib/content/exercise-schema";
import { checkExercise } from "@/lib/grading/check-exercise";
import { runQueued } from "@/lib/runner/service";
import { runnerSettings } from "@/lib/runner/settings";
import type { RunRequest } from "@/lib/runner/types";

// Every run goes through the server's own bounded queue, as one client that may use every slot: as many programs
// run at once as the server would run (RUNNER_CONCURRENCY), each in its own slot, and the rest wait their turn.
process.env.RUNNER_PER_CLIENT ??= String(runnerSettings().concurrency);
process.env.RUNNER_QUEUE_SIZE ??= "100000";
const run = (request: RunRequest) => runQueued("content-check", request);

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
  let exerciseFailures = 0;
  if (!noRun) {
    const examples = lessons.flatMap((l) => l.examples);
    const exercises = lessons.flatMap((l) => l.exercises.map((exercise) => ({ exercise, file: exerciseFile(l, exercise.id) })));
    const questions = outputQuestions(lessons);
    const labPrograms = !only || only === "lab" ? lab.programs : [];
    console.log(
      `Running ${examples.length} example(s), ${exercises.length} exercise(s) (solution must pass, starter must not), ` +
        `${questions.length} "what does this print" question(s) and ${labPrograms.length} lab program(s)…`,
    );
    // Everything is queued at once so every runner slot stays busy; results are reported in a stable order.
    const [exampleResults, exerciseResults, questionResults, labResults] = await Promise.all([
      checkExamples(examples, run),
      Promise.all(exercises.map(({ exercise, file }) => exerciseProblems(exercise).then((problems) => ({ file, problems })))),
      checkOutputQuestions(questions, run),
      checkLab(labPrograms, run),
    ]);
    const report = (ok: boolean, okLine: string, message: string | undefined) => {
      if (ok) console.log(`  ok   ${okLine}`);
      else {
        failures++;
        console.error(`  FAIL ${message}`);
      }
    };
    for (const r of exampleResults) report(r.ok, r.example.path, r.message);
    for (const { file, problems } of exerciseResults) {
      if (problems.length === 0) console.log(`  ok   ${file}`);
      else {
        exerciseFailures++;
        for (const problem of problems) console.error(`  FAIL ${file}: ${problem}`);
      }
    }
    for (const r of questionResults) report(r.ok, `${r.question.file} ${r.question.id}`, r.message);
    for (const r of labResults) report(r.ok, r.source.path, r.message);
  }

  if (issues.length || failures || exerciseFailures) {
    console.error(
      `\ncontent:check failed: ${issues.length} content problem(s), ${failures} example(s), question(s) or lab program(s) with wrong output, ${exerciseFailures} exercise(s) that do not check out.`,
    );
    process.exit(1);
  }
  console.log("\ncontent:check passed.");
}

/** What is wrong with an exercise: its solution must pass every test and its starter must not. */
async function exerciseProblems(exercise: Exercise): Promise<string[]> {
  const [solved, started] = await Promise.all([
    checkExercise(exercise, exercise.solution, "content-check"),
    checkExercise(exercise, exercise.starter, "content-check"),
  ]);
  const problems: string[] = [];
  // The message holds the value the solution gave: the author pastes it as `expect:` once it is known to be right.
  for (const test of solved.tests.filter((t) => !t.passed)) problems.push(`the solution fails "${test.name}": ${test.message}`);
  if (!solved.passed && problems.length === 0) problems.push(`the solution does not pass${solved.stderr ? `: ${solved.stderr.trim().split("\n")[0]}` : ""}`);
  if (started.passed) problems.push("the starter already passes every test: the exercise is complete before it starts");
  return problems;
}

function exerciseFile(lesson: Lesson, exerciseId: string): string {
  return `${path.dirname(lesson.file)}/exercises/${exerciseId.slice(lesson.id.length + 1)}.yaml`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
