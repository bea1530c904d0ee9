import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { asOneLine, exerciseBox, readExercise, replaceCode } from "./editor-page";
import { newUser, signedInContext } from "./fixtures";

// Issue 13, walked as a new learner would in Chromium: as a guest, onboard (with the placement quiz), solve the Go
// exercise and edit an example; a reload keeps the code and the pass; signing up brings all of it to the account, in
// the same browser and in a second one, and the dashboard lists exercises solved and pending per track.

const LESSON = "/learn/go/01-goroutines";
const EXERCISE_ID = "go/01-goroutines/parallel-sum";
const SOLUTION = asOneLine("go", readExercise(EXERCISE_ID).solution);
const DRAFT = 'package main; import "fmt"; func main() { fmt.Println("the guest draft follows") }';
const GO_EXERCISES = readdirSync(path.join(process.cwd(), "lessons", "go"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(process.cwd(), "lessons", "go", d.name, "exercises")).filter((f) => f.endsWith(".yaml"))).length;

async function onboardWithPlacement(page: Page) {
  await page.goto("/onboarding");
  await page.getByRole("radio", { name: /Frontend \/ JavaScript developer/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Hours per week").fill("5");
  await page.getByRole("button", { name: "Next" }).click();
  // The placement quiz, left blank: graded, it passes no lesson, and it is kept as an event the merge grades again.
  await page.getByRole("button", { name: /placement quiz/ }).click();
  await page.getByRole("button", { name: "Check my answers" }).click();
  await expect(page.getByTestId("placement-result")).toContainText("No lesson passed this time");
  await page.getByRole("button", { name: "Build my path" }).click();
  await expect(page).toHaveURL(/\/path$/);
}

/** The path, not the onboarding prompt. */
async function expectPath(page: Page) {
  await page.goto("/path");
  await expect(page.getByTestId("path-primary")).toHaveText("Node.js");
  await expect(page.getByRole("link", { name: "Build my learning path" })).toHaveCount(0);
}

const editorText = (box: Locator) => box.locator(".monaco-editor .view-lines");

/** The exercise shows the learner's passing code and says it passed; the example shows the learner's draft. */
async function expectWorkKept(page: Page, exampleId: string) {
  await page.goto(LESSON);
  const box = exerciseBox(page, EXERCISE_ID);
  await expect(box.getByTestId("exercise-passed")).toHaveText(/You passed this exercise/, { timeout: 30_000 });
  await expect(editorText(box)).toContainText("func ParallelSum(nums []int, workers int) int", { timeout: 30_000 });
  const example = page.locator(`figure.playground[data-example-id="${exampleId}"]`);
  await expect(editorText(example)).toContainText("the guest draft follows", { timeout: 30_000 });
}

/** The dashboard's Exercises section: the Go exercise solved, the track's others pending. */
async function expectExercisesListed(page: Page) {
  await page.goto("/dashboard");
  const go = page.locator('section.exercise-track[data-track="go"]');
  await expect(go.getByRole("heading")).toHaveText(`Go: 1 of ${GO_EXERCISES} solved`);
  await expect(go.getByTestId("exercises-solved").locator("li")).toHaveCount(1);
  await expect(go.getByTestId("exercises-solved").locator(`li[data-exercise="${EXERCISE_ID}"]`)).toContainText(readExercise(EXERCISE_ID).title);
  await go.getByText(`${GO_EXERCISES - 1} still to solve`).click();
  await expect(go.getByTestId("exercises-pending").locator("li")).toHaveCount(GO_EXERCISES - 1);
}

test("a guest's onboarding, exercise and drafts follow them to their account and to a second browser", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const learner = newUser("Grace");

  // As a guest: onboard, solve the Go exercise, edit an example.
  await onboardWithPlacement(page);
  await expect(page.getByTestId("path-primary")).toHaveText("Node.js");

  await page.goto(LESSON);
  const box = exerciseBox(page, EXERCISE_ID);
  await replaceCode(page, box, SOLUTION);
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("All tests pass.", { timeout: 120_000 });
  await expect(box.getByTestId("exercise-passed")).toBeVisible();

  const example = page.locator("figure.playground").first();
  const exampleId = (await example.getAttribute("data-example-id"))!;
  await replaceCode(page, example, DRAFT);

  // A reload (the pending save goes as the page does) keeps the code, the pass and the draft.
  await page.reload();
  await expectWorkKept(page, exampleId);

  // Sign up in the same browser: the merge says what came over, and the path is there without asking again.
  await page.goto("/signup?callbackUrl=/dashboard");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  const merged = page.getByTestId("guest-merge-status");
  // The merge checks the passing Go code again in the sandbox before it counts.
  await expect(merged).toContainText("Saved to your account from this browser: your onboarding answers, your placement quiz, 1 lesson opened", {
    timeout: 120_000,
  });
  await expect(merged).toContainText("1 exercise and 1 edited example.");
  await expect(merged).not.toContainText("could not be confirmed");
  expect(await page.evaluate(() => localStorage.getItem("bp:guest-progress:v1"))).toBeNull();
  await expectPath(page);
  await expectExercisesListed(page);

  // A second browser, signed in: the path, the passing code, the draft and the dashboard are all there.
  const { context, page: second } = await signedInContext(browser, learner);
  await expectPath(second);
  await expectWorkKept(second, exampleId);
  await expectExercisesListed(second);
  for (const theme of ["light", "dark"] as const) {
    await second.emulateMedia({ colorScheme: theme });
    await expectNoSeriousViolations(second);
  }
  await context.close();
});
