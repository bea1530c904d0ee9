import { expect, test, type Locator, type Page } from "@playwright/test";
import { QuizPage, readQuiz } from "./quiz-page";

// A learner without a mouse: open a lesson, reach and run an example, edit it, leave the editor (Esc then Tab: Tab
// alone indents), solve the exercise, answer the quiz. Nothing here clicks; focus moves with Tab, Shift+Tab, Enter
// and Space only, and the lesson's arrow-key navigation never fires while focus is on a control.

const LESSON = "node/01-event-loop";
const NEXT_LESSON = /\/learn\/node\/02-[^/]+$/;
// One line: after "{" and a new line Monaco would add its own closing brace.
const SOLUTION = "async function mapInOrder(items, fn) { const results = []; for (const item of items) results.push(await fn(item)); return results; }";
const MAX_TABS = 250;

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}` : "nothing";
});

/** Presses `key` (Tab or Shift+Tab) until `target` has focus (or holds it); fails rather than loop forever. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab") {
  const handle = await target.elementHandle();
  for (let i = 0; i < MAX_TABS; i++) {
    if (await page.evaluate((el) => el!.contains(document.activeElement), handle)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached the target; it is on ${await focused(page)}`);
}

/** True when focus is inside Monaco (its hidden textarea). */
const inEditor = (box: Locator) => box.evaluate((el) => Boolean(document.activeElement?.closest(".monaco-editor")) && el.contains(document.activeElement));

test("a lesson from start to finish with the keyboard alone", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/learn/${LESSON}`);
  await expect(page.getByRole("button", { name: "Check answers" })).toBeEnabled();

  // Reach the first example's Run button from the top of the page and run it. Run leaves focus where it was.
  const example = page.locator("figure.playground").first();
  const run = example.getByRole("button", { name: "Run" });
  await tabTo(page, run);
  await page.keyboard.press("Enter");
  await expect(example.getByTestId("stdout")).toContainText("1. script starts", { timeout: 30_000 });
  await expect(run).toBeFocused();
  expect(await inEditor(example)).toBe(false);

  // ArrowRight on a button is the button's, not the lesson navigation's.
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`/learn/${LESSON}$`));

  // Into the editor (it is just before Run); Tab there indents and keeps focus; Esc then Tab leaves it.
  await tabTo(page, example.locator(".monaco-editor"), "Shift+Tab");
  const hint = example.getByTestId("editor-hint");
  await expect(hint).toHaveText("Esc then Tab leaves the editor.");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText('console.log("edited by keyboard");');
  await page.keyboard.press("Tab");
  expect(await inEditor(example)).toBe(true);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`/learn/${LESSON}$`));
  await page.keyboard.press("Escape");
  await expect(hint).toContainText("Now Tab or Shift+Tab leaves the editor");
  await page.keyboard.press("Tab");
  await expect(run).toBeFocused();
  await expect(hint).toHaveText("Esc then Tab leaves the editor.");
  await page.keyboard.press("Enter");
  await expect(example.getByTestId("stdout")).toHaveText("edited by keyboard", { timeout: 30_000 });

  // The exercise: open its editor with Enter, type the solution, leave with Esc then Tab, check.
  const exercise = page.locator(`section.exercise[data-exercise-id="${LESSON}/in-order"]`);
  await tabTo(page, exercise.getByRole("button", { name: /^Edit your solution/ }));
  await page.keyboard.press("Enter");
  await expect.poll(() => inEditor(exercise), { timeout: 30_000 }).toBe(true);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(SOLUTION);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(exercise.getByRole("button", { name: "Check" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(exercise.getByTestId("exercise-verdict")).toHaveText("All tests pass.", { timeout: 60_000 });

  // The quiz, answered with keys, submitted with Enter; the score takes focus.
  const quiz = new QuizPage(page, LESSON);
  for (const q of readQuiz(LESSON).questions) await quiz.answerByKeyboard(q);
  await quiz.tabTo(quiz.form.locator(".quiz-actions"));
  await page.keyboard.press("Enter");
  await expect(quiz.score).toBeFocused();
  await expect(quiz.score).toContainText("100%");

  // With focus on the page itself (nothing focused, as after a reader's focus is dropped), the arrow key is the
  // lesson navigation's.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(NEXT_LESSON);
});
