import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";

// The Node.js track from the page: a learner completes a framework exercise (Hono) and the capstone (the dashboard
// endpoint on Fastify, graded by HTTP requests to the learner's app inside the sandbox) with the real runner.

type ExerciseFile = { title: string; solution: string; tests: { name: string }[] };

function exerciseFile(lesson: string, name: string): ExerciseFile {
  return parse(readFileSync(path.join(process.cwd(), "lessons/node", lesson, "exercises", `${name}.yaml`), "utf8")) as ExerciseFile;
}

/**
 * The reference solution as one line: after "{" and a new line Monaco adds its own closing brace and indentation,
 * so comments are dropped and the statements (all ended with semicolons) are joined with spaces.
 */
function asOneLine(source: string): string {
  return source
    .split("\n")
    .map((line) => line.replace(/\s+\/\/ .*$/, "").replace(/^\s*\/\/.*$/, "").trim())
    .filter(Boolean)
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

async function checkStarterThenSolve(page: Page, lessonPath: string, file: ExerciseFile) {
  await page.goto(lessonPath);
  const box = exercise(page);
  await expect(box.getByRole("heading", { name: `Exercise: ${file.title}` })).toBeVisible();
  const total = file.tests.length;
  const results = box.locator(".exercise-tests li");

  // The starter, unchanged, is checked on the server and fails.
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText(new RegExp(`^\\d+ of ${total} tests fail\\.$`), { timeout: 60_000 });
  await expect(results).toHaveCount(total);
  await expect(results.filter({ hasText: "✗" }).first()).toBeVisible();

  await replaceCode(page, box, asOneLine(file.solution));
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("All tests pass.", { timeout: 60_000 });
  await expect(results.filter({ hasText: "✓" })).toHaveCount(total);
  return { box, results };
}

test("a guest completes the Hono notes exercise from the lesson page", async ({ page }) => {
  test.setTimeout(150_000);
  const file = exerciseFile("04-http-and-frameworks", "hono-notes");
  const { results } = await checkStarterThenSolve(page, "/learn/node/04-http-and-frameworks", file);
  await expect(results.filter({ hasText: "POST /notes creates a note" })).toContainText("✓");
  await expect(results.filter({ hasText: "a body that is not JSON is a 400" })).toContainText("✓");
});

test("a guest completes the Node.js capstone: the dashboard answers 200, 404, 502 and 504 over HTTP", async ({ page }) => {
  test.setTimeout(180_000);
  const file = exerciseFile("08-capstone-dashboard", "dashboard");
  await page.goto("/learn/node/08-capstone-dashboard");
  // The contract is written down on the page, 504 for a slow dependency included.
  await expect(page.locator(".lesson-prose")).toContainText("GET /dashboard/{user_id}");
  await expect(page.locator(".lesson-prose")).toContainText("504 Gateway Timeout");

  const { results } = await checkStarterThenSolve(page, "/learn/node/08-capstone-dashboard", file);
  for (const name of [
    "happy path returns the combined JSON",
    "an unknown user is a 404 with an error body",
    "a failing dependency is a 502 with an error body",
    "a slow dependency is a 504 with an error body",
    "the app answers over a real socket",
  ]) {
    await expect(results.filter({ hasText: name })).toContainText("✓");
  }

  // The guest's passing check is kept in this browser against the capstone lesson.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("bp:guest-progress:v1") ?? "null"));
  const passes = stored.exercises.filter((e: { exerciseId: string; passed: boolean }) => e.passed).map((e: { exerciseId: string }) => e.exerciseId);
  expect(passes).toContain("node/08-capstone-dashboard/dashboard");
});
