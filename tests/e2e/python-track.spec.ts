import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";

// The Python track from the page: a learner completes a framework exercise (FastAPI with pydantic) and the capstone
// (the aggregated endpoint, graded by HTTP requests to the learner's app inside the sandbox) with the real runner.

type ExerciseFile = { title: string; solution: string; tests: { name: string }[] };

function exerciseFile(lesson: string, name: string): ExerciseFile {
  return parse(readFileSync(path.join(process.cwd(), "lessons/python", lesson, "exercises", `${name}.yaml`), "utf8")) as ExerciseFile;
}

/**
 * The reference solution as one line of Python: Monaco indents after a colon as it is typed, which would double
 * the solution's own indentation, so the code goes in as a string that `exec` runs in the module's namespace.
 */
function asOneLine(source: string): string {
  return `exec(${JSON.stringify(source)})`;
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

test("a guest completes the FastAPI orders exercise from the lesson page", async ({ page }) => {
  test.setTimeout(150_000);
  const file = exerciseFile("04-flask-django-fastapi", "orders-api");
  const { results } = await checkStarterThenSolve(page, "/learn/python/04-flask-django-fastapi", file);
  await expect(results.filter({ hasText: "a quantity out of range answers 422" })).toContainText("✓");
  await expect(results.filter({ hasText: "an unknown product answers 404 with an error" })).toContainText("✓");
});

test("a guest completes the Python capstone: the aggregated endpoint answers 200, 404, 502 and 504 over HTTP", async ({ page }) => {
  test.setTimeout(180_000);
  const file = exerciseFile("08-capstone-aggregated-endpoint", "dashboard");
  await page.goto("/learn/python/08-capstone-aggregated-endpoint");
  // The contract is written down on the page, 504 for a slow dependency included.
  await expect(page.locator(".lesson-prose")).toContainText("GET /dashboard/{user_id}");
  await expect(page.locator(".lesson-prose")).toContainText("504 Gateway Timeout");

  const { results } = await checkStarterThenSolve(page, "/learn/python/08-capstone-aggregated-endpoint", file);
  for (const name of [
    "happy path: 200 with the user, recommendations and analytics",
    "a failing dependency answers 502 with an error body",
    "a slow dependency answers 504 with an error body",
    "a real HTTP request over the loopback gets the dashboard",
  ]) {
    await expect(results.filter({ hasText: name })).toContainText("✓");
  }

  // The guest's passing check is kept in this browser against the capstone lesson.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("bp:guest-progress:v1") ?? "null"));
  const passes = stored.exercises.filter((e: { exerciseId: string; passed: boolean }) => e.passed).map((e: { exerciseId: string }) => e.exerciseId);
  expect(passes).toContain("python/08-capstone-aggregated-endpoint/dashboard");
});
