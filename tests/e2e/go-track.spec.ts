import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";

// The Go track from the page: a learner completes the capstone (the aggregated endpoint on chi, with a real SQLite
// table, graded by HTTP requests sent to the learner's router on 127.0.0.1 inside the sandbox) with the real runner.

type ExerciseFile = { title: string; solution: string; tests: { name: string }[] };

function exerciseFile(lesson: string, name: string): ExerciseFile {
  return parse(readFileSync(path.join(process.cwd(), "lessons/go", lesson, "exercises", `${name}.yaml`), "utf8")) as ExerciseFile;
}

/**
 * The reference solution as one line of Go: typed line by line, Monaco closes braces and indents on its own. Go
 * accepts explicit semicolons wherever its lexer would insert them (after a line ending in an identifier, a literal,
 * `)`, `]`, `}`, `++`, `--` or one of break/continue/fallthrough/return), so comments go and lines are joined.
 */
function asOneLine(source: string): string {
  return source
    .split("\n")
    .map((line) => line.replace(/^\s*\/\/.*$/, "").replace(/\s+\/\/ .*$/, "").trim())
    .filter((line) => line !== "")
    .map((line) => (/([\w)\]}"`']|\+\+|--)$/.test(line) ? `${line};` : line))
    .join(" ");
}

function exercise(page: Page): Locator {
  return page.getByRole("region", { name: "Practice" }).locator("section.exercise");
}

async function replaceCode(page: Page, box: Locator, code: string) {
  const edit = box.getByRole("button", { name: /^Edit your solution/ });
  if (await edit.count()) await edit.click();
  const lines = box.locator(".monaco-editor .view-lines");
  await expect(lines).toBeVisible({ timeout: 30_000 });
  await lines.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

test("a guest completes the Go capstone: the chi endpoint answers 200, 404, 502 and 504 over HTTP", async ({ page }) => {
  test.setTimeout(180_000);
  const file = exerciseFile("08-capstone-aggregated-endpoint", "dashboard");
  await page.goto("/learn/go/08-capstone-aggregated-endpoint");
  // The shared contract is written down on the page, 504 for a slow dependency included.
  const prose = page.locator(".lesson-prose");
  await expect(prose).toContainText("GET /dashboard/{user_id}");
  await expect(prose).toContainText("504 Gateway Timeout");

  const box = exercise(page);
  await expect(box.getByRole("heading", { name: `Exercise: ${file.title}` })).toBeVisible();
  const total = file.tests.length;
  const results = box.locator(".exercise-tests li");

  // The starter, unchanged, compiles and runs on the server (one test passes, so the program ran) and fails: it
  // calls the services one after another, with no deadline and no status codes.
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText(`9 of ${total} tests fail.`, { timeout: 90_000 });
  await expect(results).toHaveCount(total);
  await expect(results.filter({ hasText: "the 502 body does not leak the internal error" })).toContainText("✓");
  await expect(results.filter({ hasText: "the three dependencies are fetched concurrently" })).toContainText("✗");

  await replaceCode(page, box, asOneLine(file.solution));
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("All tests pass.", { timeout: 90_000 });
  await expect(results.filter({ hasText: "✓" })).toHaveCount(total);
  for (const name of [
    "happy path: 200 with the user, recommendations and analytics",
    "a missing user answers 404 with an error body",
    "a failing dependency answers 502 with an error body",
    "a slow dependency answers 504 with an error body",
    "the 504 comes within the budget, not when the slow call ends",
  ]) {
    await expect(results.filter({ hasText: name })).toContainText("✓");
  }

  // The guest's passing check is kept in this browser against the capstone lesson.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("bp:guest-progress:v1") ?? "null"));
  const passes = stored.exercises.filter((e: { exerciseId: string; passed: boolean }) => e.passed).map((e: { exerciseId: string }) => e.exerciseId);
  expect(passes).toContain("go/08-capstone-aggregated-endpoint/dashboard");
});
