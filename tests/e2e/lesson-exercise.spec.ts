import { expectNoSeriousViolations } from "./axe";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { exerciseBox, guestExerciseChecks, replaceCode } from "./editor-page";
import { newUser, signedInContext, signUp } from "./fixtures";

// A lesson's Practice section: the exercise is checked by the real runner on the server, hints unlock one at a time,
// the solution appears after a pass; a guest's result stays in the browser, a learner's reaches the dashboard.

const LESSON = "/learn/node/01-event-loop";
const LESSON_ID = "node/01-event-loop";
// One line on purpose: after "{" and a new line Monaco adds its own closing brace.
const SOLUTION = "async function mapInOrder(items, fn) { const results = []; for (const item of items) results.push(await fn(item)); return results; }";
// Passes the quiz: at least 80% right.
const QUIZ_ANSWERS = {
  "order-output": "a\nb\nc\n",
  "one-thread": true,
  "promise-all-time": 30,
  "blocking-fix": ["worker", "service"],
  "fill-promise-all": ["all"],
  "queue-order": ["sync", "micro", "timer"],
};

function exercise(page: Page): Locator {
  return page.getByRole("region", { name: "Practice" }).locator("section.exercise");
}

/** The exercise shows its code statically until the learner starts editing; then Monaco loads. */
async function openEditor(box: Locator) {
  await box.getByRole("button", { name: /^Edit your solution/ }).click();
  await expect(box.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
}

async function solve(page: Page, box: Locator) {
  await replaceCode(page, box, SOLUTION);
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("All tests pass.", { timeout: 30_000 });
}

test("a guest solves the lesson's exercise: per-test results, hints one by one, the solution after a pass", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  const practice = page.getByRole("region", { name: "Practice" });
  await expect(practice.getByRole("heading", { name: "Practice", level: 2 })).toBeVisible();
  // Practice comes after the prose and before the quiz.
  const order = await page.evaluate(() =>
    [".lesson-prose", "[aria-labelledby=practice-heading]", "form.quiz"].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1),
  );
  expect(order[0]).toBeLessThan(order[1]!);
  expect(order[1]).toBeLessThan(order[2]!);

  const box = exercise(page);
  await expect(box.getByRole("heading", { name: "Exercise: Run async steps in order" })).toBeVisible();
  await expect(box.getByText("Reference solution")).toHaveCount(0);
  // The page holds neither the solution nor the harness.
  const html = await page.content();
  expect(html).not.toContain("results.push(await fn(item))");
  expect(html).not.toContain("__check(");

  await box.getByRole("button", { name: "Show a hint" }).click();
  const hints = box.getByRole("list", { name: "Hints" }).locator("li");
  await expect(hints).toHaveCount(1);
  await box.getByRole("button", { name: "Next hint" }).click();
  await expect(hints).toHaveCount(2);
  await expect(box.getByRole("button", { name: /hint/ })).toHaveCount(0);

  await expect(box.locator(".monaco-editor")).toHaveCount(0);
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("3 of 3 tests fail.", { timeout: 30_000 });
  const results = box.locator(".exercise-tests li");
  await expect(results).toHaveCount(3);
  await expect(results.filter({ hasText: "returns results in item order" })).toContainText("✗");
  // A wrong value is explained: both values with their types, and what differs.
  const inOrder = results.filter({ hasText: "returns results in item order" }).getByTestId("comparison");
  await expect(inOrder.getByTestId("expected-value")).toHaveText("[60,20,40]");
  await expect(inOrder).toContainText("Expected (list of 3)");
  await expect(inOrder.getByTestId("got-value")).toHaveText("null");
  await expect(inOrder).toContainText("Got (null)");
  await expect(inOrder.getByTestId("difference-why")).toHaveText("The types differ: expected list of 3, got null.");
  await expect(box.getByText("Reference solution")).toHaveCount(0);

  await solve(page, box);
  await expect(results.filter({ hasText: "✓" })).toHaveCount(3);
  await box.getByText("Reference solution").click();
  await expect(box.locator(".exercise-solution code")).toContainText("results.push(await fn(item));");

  // The guest's checks are kept in this browser with their code, ready to merge into an account.
  expect((await guestExerciseChecks(page)).map((c) => [c.exerciseId, c.passed])).toEqual([
    [`${LESSON_ID}/in-order`, false],
    [`${LESSON_ID}/in-order`, true],
  ]);
  expect((await guestExerciseChecks(page)).at(-1)?.code).toBe(SOLUTION);
});

test("a signed-in learner who passed the quiz completes the lesson with the exercise, and the dashboard shows it", async ({ browser }) => {
  test.setTimeout(120_000);
  const ada = newUser("Ada");
  await signUp(browser, ada);
  const { context, page } = await signedInContext(browser, ada);
  const quiz = await context.request.post(`/api/quizzes/${LESSON_ID}/attempts`, { data: { answers: QUIZ_ANSWERS } });
  expect(await quiz.json()).toMatchObject({ passed: true, saved: true, completed: false });

  await page.goto(LESSON);
  await solve(page, exercise(page));
  expect(await page.evaluate(() => localStorage.getItem("bp:guest-progress:v1"))).toBeNull();

  await page.goto("/dashboard");
  await expect(page.getByTestId("lessons-completed")).toHaveText("1 of 1 you opened");
  await expect(page.getByText(/Node\.js & TypeScript: 1 of \d+ lessons? completed/)).toBeVisible();
  await context.close();
});

for (const theme of ["light", "dark"] as const) {
  test(`axe (${theme}): a lesson with its exercise and quiz mounted has no serious violations`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
    await page.goto(LESSON);
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const box = exercise(page);
    await openEditor(box);
    await box.getByRole("button", { name: "Show a hint" }).click();
    await box.getByRole("button", { name: "Check" }).click();
    await expect(box.getByTestId("exercise-verdict")).toBeVisible({ timeout: 30_000 });
    await expect(page.locator("form.quiz")).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

const PARSE_QUERY = "python/01-python-for-the-web/parse-query";
/** Python typed as one line runs through exec (see asOneLine in editor-page.ts). */
const python = (source: string) => `exec(${JSON.stringify(source)})`;

test("exercise feedback explains a wrong value with a diff, and a forbidden approach fails with its reason", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/learn/python/01-python-for-the-web");
  const box = exerciseBox(page, PARSE_QUERY);
  const results = box.locator(".exercise-tests li");

  // unquote leaves "+" alone: one test fails, and the page says which values differ and marks the characters.
  await replaceCode(
    page,
    box,
    python("from urllib.parse import unquote\ndef parse_query(query):\n    result = {}\n    for pair in filter(None, query.split('&')):\n        key, _, value = pair.partition('=')\n        result.setdefault(unquote(key), []).append(unquote(value))\n    return result"),
  );
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("1 of 4 tests fail.", { timeout: 60_000 });
  const decoding = results.filter({ hasText: "decodes plus and percent escapes" }).getByTestId("comparison");
  await expect(decoding).toContainText('parse_query("q=hello+world&city=S%C3%A3o+Paulo")');
  await expect(decoding).toContainText("Expected (object with keys city, q)");
  await expect(decoding.getByTestId("difference-why")).toHaveText('A different value for "q", "city".');
  const diff = decoding.getByTestId("value-diff");
  // Sorted JSON, line by line: the learner's lines struck out, the expected ones underlined.
  await expect(diff.locator("del")).toHaveText([/São\+Paulo/, /hello\+world/]);
  await expect(diff.locator("ins")).toHaveText([/São Paulo/, /hello world/]);

  // parse_qs passes every test, but the exercise rules it out: the check fails and says why.
  await replaceCode(page, box, python("from urllib.parse import parse_qs\ndef parse_query(query):\n    return parse_qs(query)"));
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("The tests pass, but the code uses an approach this exercise rules out.", { timeout: 60_000 });
  await expect(results.filter({ hasText: "✓" })).toHaveCount(4);
  await expect(box.getByTestId("forbidden")).toContainText("Not allowed here: parse_qs and parse_qsl do this whole job");
  expect((await guestExerciseChecks(page)).map((c) => c.passed)).toEqual([false, false]);
});
