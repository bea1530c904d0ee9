import { readdirSync } from "node:fs";
import path from "node:path";
import { rightAnswer } from "../support/quiz-answers";
import { seriousViolations } from "./axe";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { renderExpected } from "../../lib/grading/quiz";
import { publicQuestion } from "../../lib/content/quiz-schema";
import { newUser, signedInContext, signIn, signUp } from "./fixtures";
import { QuizPage, readQuiz } from "./quiz-page";

// The quiz and progress experience in the browser: answers never reach the page, a guest's passed quiz follows them
// into their account and onto a second device, failures feed the review list, failed saves retry visibly, and one
// learner can never reach another's progress.

const LESSONS = ["choosing/01-the-landscape", "node/01-event-loop", "python/01-python-for-the-web", "go/01-goroutines", "rust/01-ownership-and-async"];
/** The one lesson without exercises: passing its quiz completes it. */
const NO_EXERCISES = "choosing/01-the-landscape";
/** Lesson folders in the choosing track, as the track page counts them. */
const CHOOSING_LESSONS = readdirSync(path.join(process.cwd(), "lessons", "choosing"), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
/** A lesson with exercises, so its quiz alone never completes it. */
const WITH_EXERCISES = "node/01-event-loop";
const GUEST_KEY = "bp:guest-progress:v1";

type Summary = {
  lessons: { lessonId: string; completedAt: string | null }[];
  quizzes: { quizId: string; attempts: number; bestScore: number; lastScore: number; passed: boolean }[];
  reviews: { due: { topic: string }[]; upcoming: { topic: string }[] };
};

async function summaryOf(request: APIRequestContext): Promise<Summary> {
  const response = await request.get("/api/progress");
  expect(response.status()).toBe(200);
  return (await response.json()) as Summary;
}

/** Page text with the escaping of inline RSC payloads and JS string literals undone, so a leak cannot hide in it. */
function normalise(text: string): string {
  return text.replace(/\\u0026/g, "&").replace(/\\u003c/g, "<").replace(/\\u003e/g, ">").replace(/\\\\/g, "\\").replace(/\\"/g, '"').replace(/\\n/g, "\n");
}

for (const lessonId of LESSONS) {
  test(`the page of ${lessonId} and every script it loads hold no answer or explanation`, async ({ page, request }) => {
    const bodies: string[] = [];
    page.on("response", async (response) => {
      const type = response.request().resourceType();
      if (type === "document" || type === "script" || type === "fetch") bodies.push(await response.text().catch(() => ""));
    });
    await page.goto(`/learn/${lessonId}`);
    await expect(page.getByRole("button", { name: "Check answers" })).toBeEnabled();
    // Scripts named in the HTML, fetched directly too: nothing loaded lazily or preloaded escapes the check.
    const html = await (await request.get(`/learn/${lessonId}`)).text();
    const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) bodies.push(await (await request.get(src)).text());
    const shipped = normalise([html, ...bodies].join("\n"));

    const quiz = readQuiz(lessonId);
    // What the page may legitimately show: the questions without answers, and the lesson's own prose.
    const visible = normalise(JSON.stringify(quiz.questions.map(publicQuestion))) + (await page.locator("main").innerText());
    const secrets = quiz.questions.flatMap((q) => {
      const expected = renderExpected(q);
      return [
        q.explanation,
        `"answer":${JSON.stringify(q.answer)}`,
        ...(expected.length >= 4 && !visible.includes(expected) && !visible.includes(expected.trim()) ? [expected.trim()] : []),
      ];
    });
    for (const secret of secrets) expect(shipped, `leaked: ${secret}`).not.toContain(secret);

    // Grading sends explanations, and right answers only for the questions the learner asked to reveal; the same
    // check finds every secret in a fully revealed grading, so it would catch a leak.
    const attempt = async (data: object) => normalise(await (await request.post(`/api/quizzes/${lessonId}/attempts`, { data })).text());
    const answers = secrets.filter((s) => !s.startsWith('"answer"') && !quiz.questions.some((q) => q.explanation.includes(s)));
    const graded = await attempt({ answers: {} });
    for (const q of quiz.questions) expect(graded).toContain(q.explanation);
    for (const secret of answers) expect(graded, `sent unasked: ${secret}`).not.toContain(secret);
    const revealed = await attempt({ answers: {}, reveal: quiz.questions.map((q) => q.id) });
    for (const secret of answers) expect(revealed).toContain(secret);
  });
}

test("a guest's passed quiz shows on their dashboard, moves into the new account, and is there on a second device", async ({ browser }) => {
  const learner = newUser("Grace");
  const context = await browser.newContext();
  const page = await context.newPage();
  const quiz = new QuizPage(page, NO_EXERCISES);
  await page.goto(`/learn/${NO_EXERCISES}`);
  await quiz.complete(readQuiz(NO_EXERCISES));
  await expect(quiz.score).toContainText("100%");
  await expect(quiz.score).toContainText("passed");
  await expect(quiz.score).toContainText("Lesson completed");
  await expect(quiz.score).toContainText("Saved in this browser only");

  await page.goto("/dashboard");
  await expect(page.getByTestId("guest-invite")).toBeVisible();
  const row = page.locator(`[data-quiz="${NO_EXERCISES}"]`);
  await expect(row).toContainText("Passed");
  await expect(row).toContainText("100%");
  await expect(page.getByTestId("lessons-completed")).toHaveText("1 of 1 you opened");
  const guestState = await page.evaluate((key) => localStorage.getItem(key), GUEST_KEY);
  expect(guestState).not.toBeNull();

  // Sign up through the page, as a learner would; the browser's progress is merged and the dashboard shows it.
  await page.getByTestId("guest-invite").getByRole("link", { name: "Sign up" }).click();
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("guest-merge-status")).toContainText("Saved to your account from this browser");
  await expect(page.getByTestId("guest-invite")).toHaveCount(0);
  await expect(page.locator(`[data-quiz="${NO_EXERCISES}"]`)).toContainText("Passed");
  await expect(page.getByTestId("lessons-completed")).toHaveText("1 of 1 you opened");
  expect(await page.evaluate((key) => localStorage.getItem(key), GUEST_KEY)).toBeNull();

  const merged = await summaryOf(context.request);
  expect(merged.quizzes).toMatchObject([{ quizId: NO_EXERCISES, attempts: 1, bestScore: 1, passed: true }]);
  expect(merged.lessons.find((l) => l.lessonId === NO_EXERCISES)?.completedAt).toBeTruthy();

  // A second, fresh browser: the same progress.
  const other = await signedInContext(browser, learner);
  await other.page.goto("/dashboard");
  await expect(other.page.locator(`[data-quiz="${NO_EXERCISES}"]`)).toContainText("Passed");
  await expect(other.page.getByTestId("lessons-completed")).toHaveText("1 of 1 you opened");
  await other.page.goto("/learn/choosing");
  await expect(other.page.getByTestId("track-progress")).toContainText(`1 of ${CHOOSING_LESSONS} lessons completed`);
  await other.context.close();

  // Signing in again in the first browser, with the same guest records back in it: nothing is counted twice.
  await signIn(context.request, learner);
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [GUEST_KEY, guestState]);
  await page.goto("/dashboard");
  await expect(page.getByTestId("guest-merge-status")).toContainText("Saved to your account from this browser");
  const again = await context.request.post("/api/progress/merge", { data: JSON.parse(guestState!) });
  expect((await again.json()).merged).toMatchObject({ events: 0, skipped: [] });
  expect((await summaryOf(context.request)).quizzes).toMatchObject([{ quizId: NO_EXERCISES, attempts: 1 }]);
  await context.close();
});

test("the whole quiz works with the keyboard alone, in the dark theme", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("theme", "dark"));
  const quiz = new QuizPage(page, NO_EXERCISES);
  await page.goto(`/learn/${NO_EXERCISES}`);
  // Start from the quiz heading, as a reader arriving there would; from here on only keys are pressed.
  await page.getByRole("heading", { name: "Check your understanding" }).evaluate((h) => {
    h.setAttribute("tabindex", "-1");
    (h as HTMLElement).focus();
  });
  for (const q of readQuiz(NO_EXERCISES).questions) await quiz.answerByKeyboard(q);
  await quiz.tabTo(quiz.form.locator(".quiz-actions"));
  await page.keyboard.press("Enter");
  await expect(quiz.score).toBeFocused();
  await expect(quiz.score).toContainText("100% (9 of 9 right)");
  await quiz.form.screenshot({ path: test.info().outputPath("quiz-dark.png") });

  await quiz.tabTo(quiz.feedback("gc-free"));
  await page.keyboard.press("Enter");
  // The explanation links to the section that teaches the question.
  const section = readQuiz(NO_EXERCISES).questions.find((q) => q.id === "gc-free")!.section!;
  await expect(page).toHaveURL(new RegExp(`#${section}$`));
  await page.goto(`/learn/${NO_EXERCISES}`);
  await expect(quiz.form.getByRole("button", { name: "Check answers" })).toBeVisible();
});

test("a signed-in learner passes, then fails: best score kept, both attempts listed, missed topics to review", async ({ browser }) => {
  const learner = newUser("Lin");
  await signUp(browser, learner);
  const { context, page } = await signedInContext(browser, learner);
  const quiz = new QuizPage(page, WITH_EXERCISES);
  const questions = readQuiz(WITH_EXERCISES);
  await page.goto(`/learn/${WITH_EXERCISES}`);
  await quiz.complete(questions);
  await expect(quiz.score).toContainText("100% (6 of 6 right)");
  await expect(quiz.score).toContainText("once its exercises pass too");

  await page.getByRole("button", { name: "Try again" }).click();
  // Every answer was right, so every answer stays.
  await expect(quiz.question("order-output").getByRole("textbox")).not.toHaveValue("");
  await quiz.complete(questions, { wrong: ["order-output", "blocking-fix", "queue-order"] });
  await expect(quiz.score).toContainText("not passed yet");
  await expect(quiz.score).toContainText("Best so far: 100%");

  const feedback = quiz.feedback("blocking-fix");
  await expect(feedback).toContainText("Not quite");
  // The first wrong try explains but does not give the answer away; the learner may ask for it.
  await expect(feedback).not.toContainText("Correct answer");
  await feedback.getByRole("button", { name: "Show answer" }).click();
  await expect(feedback).toContainText("Correct answer: Run the resize in a worker_threads worker; Move it to a separate service or job queue");
  await expect(feedback).toContainText("Only moving the computation off the JavaScript thread helps");
  await expect(quiz.feedback("one-thread")).toContainText("Correct");
  await feedback.getByRole("link", { name: "Review this in the lesson" }).click();
  await expect(page).toHaveURL(/#when-the-loop-gets-stuck$/);
  await expect(page.getByRole("heading", { name: "When the loop gets stuck" })).toBeInViewport();

  await page.goto("/dashboard");
  const row = page.locator(`[data-quiz="${WITH_EXERCISES}"]`);
  await expect(row.getByRole("cell")).toHaveText(["100%", "50%", "2 (100%, 50%)", "Passed"]);
  const reviews = page.getByTestId("reviews");
  await expect(reviews.locator("[data-topic]")).toHaveCount(2);
  await expect(reviews.locator('[data-topic="event-loop"]')).toContainText("review The event loop");
  await expect(reviews.locator('[data-topic="concurrency"]')).toBeVisible();
  // The lesson has exercises, so a passed quiz alone leaves it open.
  await expect(page.getByTestId("lessons-completed")).toHaveText("0 of 1 you opened");
  await context.close();
});

test("a failed save is retried, and the learner sees it is not saved until it is", async ({ browser }) => {
  const learner = newUser("Retry");
  await signUp(browser, learner);
  const { context, page } = await signedInContext(browser, learner);

  // The lesson visit: the save queue keeps it and says so while the network is down.
  await page.route("**/api/progress", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
  await page.goto(`/learn/${NO_EXERCISES}`);
  await expect(page.getByTestId("save-status")).toContainText("Not saved yet");
  await page.unroute("**/api/progress");
  await expect(page.getByTestId("save-status")).toHaveText("Progress saved", { timeout: 20_000 });
  expect((await summaryOf(context.request)).lessons.map((l) => l.lessonId)).toEqual([NO_EXERCISES]);

  // The quiz: the first answer is lost on the way back (the server did record it), the next one is refused.
  let calls = 0;
  await page.route("**/api/quizzes/**", async (route) => {
    calls += 1;
    if (calls === 1) {
      await route.fetch();
      return route.abort("connectionreset");
    }
    if (calls === 2) return route.abort("internetdisconnected");
    return route.continue();
  });
  const quiz = new QuizPage(page, NO_EXERCISES);
  for (const q of readQuiz(NO_EXERCISES).questions) await quiz.answer(q);
  await quiz.form.getByRole("button", { name: "Check answers" }).click();
  const notice = page.getByTestId("quiz-not-saved");
  await expect(notice).toContainText("Not saved yet");
  await expect(quiz.score).toBeVisible({ timeout: 20_000 });
  await expect(notice).toHaveCount(0);
  expect(calls).toBe(3);
  await expect(quiz.score).toContainText("Lesson completed");
  // Three tries, one attempt: every try carried the same attempt id.
  expect((await summaryOf(context.request)).quizzes).toMatchObject([{ quizId: NO_EXERCISES, attempts: 1 }]);
  await context.close();
});

test("progress APIs: a guest gets 401; Ada can neither read nor change Babbage's progress", async ({ browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/progress")).status()).toBe(401);
  await anonymous.dispose();

  const ada = newUser("Ada");
  const babbage = newUser("Babbage");
  await signUp(browser, ada);
  await signUp(browser, babbage);
  const adaRequest = await playwright.request.newContext({ baseURL });
  await signIn(adaRequest, ada);
  const babbageRequest = await playwright.request.newContext({ baseURL });
  await signIn(babbageRequest, babbage);

  const answers = Object.fromEntries(readQuiz(NO_EXERCISES).questions.map((q) => [q.id, rightAnswer(q)]));
  const attempt = await babbageRequest.post(`/api/quizzes/${NO_EXERCISES}/attempts`, { data: { answers, attemptId: "babbage-attempt-1" } });
  expect(await attempt.json()).toMatchObject({ saved: true, passed: true });
  const babbageId = ((await (await babbageRequest.get("/api/account/export")).json()) as { user: { id: string } }).user.id;
  const babbageBefore = await summaryOf(babbageRequest);

  // No route names another learner: paths with Babbage's id do not exist, query parameters are ignored.
  expect((await adaRequest.get(`/api/progress/${babbageId}`)).status()).toBe(404);
  expect(await (await adaRequest.get(`/api/progress?userId=${babbageId}`)).json()).toMatchObject({ quizzes: [] });
  expect([403, 404, 405]).toContain((await adaRequest.delete(`/api/progress/${babbageId}`)).status());
  // Replaying Babbage's attempt id as Ada records Ada's own attempt and leaves Babbage's untouched.
  await adaRequest.post(`/api/quizzes/${NO_EXERCISES}/attempts`, { data: { answers: {}, attemptId: "babbage-attempt-1" } });
  const refused = await adaRequest.delete("/api/account", { data: { confirm: babbage.email } });
  expect(refused.status()).toBe(400);
  expect(await summaryOf(babbageRequest)).toEqual(babbageBefore);
  expect((await summaryOf(adaRequest)).quizzes).toMatchObject([{ quizId: NO_EXERCISES, attempts: 1, passed: false }]);
  await adaRequest.dispose();
  await babbageRequest.dispose();
});

for (const theme of ["light", "dark"] as const) {
  test(`axe (${theme}): a lesson with quiz results, the dashboard and the account page`, async ({ browser }) => {
    test.setTimeout(120_000);
    const learner = newUser("Axe");
    await signUp(browser, learner);
    const { context, page } = await signedInContext(browser, learner);
    await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
    const quiz = new QuizPage(page, WITH_EXERCISES);
    await page.goto(`/learn/${WITH_EXERCISES}`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await quiz.complete(readQuiz(WITH_EXERCISES), { wrong: ["blocking-fix"] });
    expect(await seriousViolations(page)).toEqual([]);
    for (const url of ["/dashboard", "/account"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), url).toEqual([]);
    }
    await context.close();
  });
}
