import fs from "node:fs";
import path from "node:path";
import { expectNoSeriousViolations } from "./axe";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import { quizSchema, type Question } from "../../lib/content/quiz-schema";
import { selectPlacementQuestions } from "../../lib/path/placement";
import { newUser, signedInContext, signUp } from "./fixtures";

// The path adapts: a failed lesson quiz (guest or signed in) moves its lesson forward with a "review:" reason and
// shows the topics in the review queue; the placement quiz takes a lesson off the path. The right answers come from
// the lessons' own quiz.yaml, read here the way the server reads them.

const FIRST = "choosing/01-the-landscape";
const NODE = "node/01-event-loop";
const GO = "go/01-goroutines";

function lessonQuiz(lessonId: string) {
  return quizSchema.parse(parse(fs.readFileSync(path.join(process.cwd(), "lessons", lessonId, "quiz.yaml"), "utf8")));
}

/** The four questions as a JavaScript developer; stops on the last question step, where the placement quiz is offered. */
async function answerAsJavaScriptDeveloper(page: Page) {
  await page.goto("/onboarding");
  await page.getByRole("radio", { name: /Frontend \/ JavaScript developer/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: /Real-time apps/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Hours per week").fill("4");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "What you know" })).toBeVisible();
}

async function onboardAsJavaScriptDeveloper(page: Page) {
  await answerAsJavaScriptDeveloper(page);
  await page.getByRole("button", { name: "Build my path" }).click();
  await expect(page).toHaveURL(/\/path$/);
  await expect(page.locator("[data-lesson-id]").first()).toBeVisible();
}

const stepIds = (page: Page) => page.locator("[data-lesson-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-lesson-id")));

async function expectJavaScriptStartAndContinue(page: Page) {
  // Every choosing lesson first, then Node.js (the first language), Go after it.
  const ids = await stepIds(page);
  const choosing = ids.filter((id) => id!.startsWith("choosing/")).length;
  expect(ids[0]).toBe(FIRST);
  expect(ids.slice(0, choosing).every((id) => id!.startsWith("choosing/"))).toBe(true);
  expect(ids[choosing]).toBe(NODE);
  expect(ids.indexOf(GO)).toBeGreaterThan(ids.indexOf(NODE));
  await expect(page.locator(`[data-lesson-id="${NODE}"]`)).toContainText("because you come from JavaScript");
  // The header's Continue goes to the step marked next.
  await expect(page.locator(`[data-lesson-id="${FIRST}"]`)).toHaveAttribute("data-status", "next");
  await expect(page.getByTestId("continue")).toHaveAttribute("href", `/learn/${FIRST}`);
}

/** Fails the Go lesson's quiz on its page: wrong picks where the form offers choices, the rest left blank. */
async function failGoQuiz(page: Page) {
  await page.goto(`/learn/${GO}`);
  const quiz = page.locator("form.quiz");
  await quiz.getByRole("group", { name: /backed by its own operating-system thread/ }).getByRole("radio", { name: "True" }).check();
  await quiz.getByRole("group", { name: /what makes a worker/ }).getByRole("radio", { name: /momentarily empty/ }).check();
  await quiz.getByRole("button", { name: "Check answers" }).click();
  await expect(page.getByTestId("quiz-score")).toContainText("not passed yet");
}

async function expectGoPulledForwardForReview(page: Page) {
  await page.goto("/path");
  await expect(page.getByTestId("review-queue")).toBeVisible();
  await expect(page.locator('[data-review-topic="goroutines"]')).toBeVisible();
  await expect(page.locator('[data-review-topic="goroutines"] a')).toHaveAttribute("href", `/learn/${GO}`);
  const ids = await stepIds(page);
  expect(ids.indexOf(GO)).toBeLessThan(ids.indexOf(NODE));
  await expect(page.locator(`[data-lesson-id="${GO}"] .path-step-reason`)).toHaveText("review: you missed 3 of 3 questions on goroutines");
  await page.getByText("Why this order?").click();
  await expect(page.getByText(/to the front because a quiz showed a topic worth another look/)).toBeVisible();
}

test("a guest's path starts with Node.js, and a failed quiz moves its lesson forward and queues a review", async ({ page }) => {
  await onboardAsJavaScriptDeveloper(page);
  await expectJavaScriptStartAndContinue(page);

  await failGoQuiz(page);
  await expectGoPulledForwardForReview(page);
  await expect(page.locator('[data-review-topic="goroutines"]')).toHaveAttribute("data-review-kind", "upcoming");

  // A day later (the browser's records moved back a day) the review is due.
  await page.evaluate(() => {
    const key = "bp:guest-progress:v1";
    const state = JSON.parse(localStorage.getItem(key)!);
    const dayEarlier = (iso: string) => new Date(new Date(iso).getTime() - 24 * 60 * 60 * 1000 - 60_000).toISOString();
    for (const { event } of state.entries) if (event.type === "quiz") event.at = dayEarlier(event.at);
    localStorage.setItem(key, JSON.stringify(state));
  });
  await page.reload();
  await expect(page.locator('[data-review-topic="goroutines"]')).toHaveAttribute("data-review-kind", "due");
  await expect(page.getByRole("heading", { name: "Due now" })).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expectNoSeriousViolations(page);
  }
});

test("a signed-in learner's failed quiz is recorded on the account and changes the path", async ({ browser }) => {
  const user = newUser("Lin");
  await signUp(browser, user);
  const { context, page } = await signedInContext(browser, user);
  await onboardAsJavaScriptDeveloper(page);
  await expectJavaScriptStartAndContinue(page);

  await failGoQuiz(page);
  await expectGoPulledForwardForReview(page);
  const body = await (await context.request.get("/api/path")).json();
  expect(body.upcomingReviews.map((r: { topic: string }) => r.topic)).toContain("goroutines");
  expect(body.steps.find((s: { lessonId: string }) => s.lessonId === GO).reason).toMatch(/^review:/);
  await context.close();
});

async function answer(group: Locator, question: Question) {
  switch (question.kind) {
    case "true-false":
      return group.getByRole("radio", { name: question.answer ? "True" : "False" }).check();
    case "single":
      return group.getByRole("radio", { name: question.choices.find((c) => c.id === question.answer)!.text }).check();
    case "multiple":
      for (const id of question.answer) await group.getByRole("checkbox", { name: question.choices.find((c) => c.id === id)!.text }).check();
      return;
    case "numeric":
      return group.getByRole("textbox").fill(String(question.answer));
    default:
      throw new Error(`this test does not answer ${question.kind} questions; placement prefers quick kinds`);
  }
}

test("the placement quiz takes a lesson the learner already knows off the path, and is axe-clean", async ({ page }) => {
  await answerAsJavaScriptDeveloper(page);
  await page.getByRole("button", { name: /placement quiz/ }).click();
  await expect(page.getByRole("heading", { name: "Placement quiz (optional)" })).toBeFocused();
  await expect(page.getByTestId("placement-quiz")).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expectNoSeriousViolations(page);
  }

  // Right answers on the Node.js lesson only; every other lesson left blank.
  const nodeLesson = page.locator(`[data-placement-lesson="${NODE}"]`);
  for (const question of selectPlacementQuestions(lessonQuiz(NODE))) {
    await answer(nodeLesson.getByRole("group", { name: question.prompt.slice(0, 40) }), question);
  }
  await page.getByRole("button", { name: "Check my answers" }).click();
  await expect(page.getByTestId("placement-result")).toContainText("You tested out of 1 lesson.");
  await expect(page.locator(`[data-placement-outcome="${NODE}"]`)).toHaveAttribute("data-passed", "true");
  await expect(page.locator(`[data-placement-outcome="${GO}"]`)).toHaveAttribute("data-passed", "false");
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "Build my path" }).click();
  await expect(page).toHaveURL(/\/path$/);
  await expect(page.locator(`[data-lesson-id="${GO}"]`)).toBeVisible();
  expect(await stepIds(page)).not.toContain(NODE);
  await page.getByText("Why this order?").click();
  await expect(page.getByText(/1 lesson was left out because you passed it in the placement quiz/)).toBeVisible();

  // The result stays with the answers: editing them later keeps the lesson off the path.
  await page.goto("/onboarding");
  await expect(page.getByRole("radio", { name: /Frontend \/ JavaScript developer/ })).toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Build my path" }).click();
  await expect(page.locator(`[data-lesson-id="${GO}"]`)).toBeVisible();
  expect(await stepIds(page)).not.toContain(NODE);
});

test("the placement API grades on the server and refuses bad input", async ({ request }) => {
  const ok = await request.post("/api/path/placement", { data: { answers: {} } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ passedLessonIds: [], saved: false });
  expect(body.lessons.map((l: { lessonId: string }) => l.lessonId)).toContain(NODE);
  const unknown = await request.post("/api/path/placement", { data: { answers: { "go/99-nope": {} } } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error).toMatch(/Not in the placement quiz/);
  const malformed = await request.post("/api/path/placement", { headers: { "content-type": "application/json" }, data: Buffer.from("{oops") });
  expect(malformed.status()).toBe(400);
});
