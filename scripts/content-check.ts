// npm run content:check — validates every lesson (front matter, components, prerequisites, quizzes, examples) and
// runs each runnable example through the real server runner, comparing stdout with its .out file.
// Options: --no-run (validation only), --only <lessonId prefix> (e.g. go/ or rust/01-ownership-and-async).
import path from "node:path";
import { checkExamples } from "@/lib/content/examples";
import { formatIssue } from "@/lib/content/issues";
import { loadContent } from "@/lib/content/load";
import { runCode } from "@/lib/runner/run-code";

async function main() {
  const args = process.argv.slice(2);
  const noRun = args.includes("--no-run");
  const onlyIndex = args.indexOf("--only");
  const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

  const root = path.join(process.cwd(), "lessons");
  const { catalog, issues } = loadContent(root);
  const lessons = catalog.lessons.filter((l) => !only || l.id.startsWith(only));
  console.log(`Checked ${catalog.tracks.length} tracks and ${catalog.lessons.length} lessons.`);
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

  if (issues.length || failures) {
    console.error(`\ncontent:check failed: ${issues.length} content problem(s), ${failures} example(s) with wrong output.`);
    process.exit(1);
  }
  console.log("\ncontent:check passed.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
