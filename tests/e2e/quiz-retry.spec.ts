import { expect, test, type Page } from "@playwright/test";
import { renderExpected } from "../../lib/grading/quiz";
import { QuizPage, readQuiz } from "./quiz-page";

// A quiz that teaches on retry: a wrong answer gets its explanation but not the right answer, which comes after a
// second wrong try on that question or when the learner asks; "Try again" keeps the right answers. The server
// decides what it sends, so the right answer is checked in the responses, not only on the screen.

const LESSON = "choosing/01-the-landscape";
const GUEST_KEY = "bp:guest-progress:v1";
const quiz = readQuiz(LESSON);
const question = (id: string) => quiz.questions.find((q) => q.id === id)!;
/** Two questions answered wrong on purpose: a single choice and a number. */
const ASKED = question("gc-free");
const AGAIN = question("cloud-share");

type Graded = { results: { questionId: string; correct: boolean; expected?: string }[] };

/** Runs `action` and returns the quiz attempt response it caused. */
async function attemptDuring(page: Page, action: () => Promise<void>): Promise<{ sent: { reveal?: string[]; attemptId?: string }; graded: Graded }> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/api/quizzes/${LESSON}/attempts`) && r.request().method() === "POST"), action()]);
  expect(response.status()).toBe(200);
  return { sent: response.request().postDataJSON(), graded: (await response.json()) as Graded };
}

test("a wrong answer is explained first, shown on request or after a second wrong try, and right answers stay", async ({ page }) => {
  const form = new QuizPage(page, LESSON);
  await page.goto(`/learn/${LESSON}`);

  for (const q of quiz.questions) await form.answer(q, q.id !== ASKED.id && q.id !== AGAIN.id);
  const first = await attemptDuring(page, () => form.form.getByRole("button", { name: "Check answers" }).click());
  expect(first.sent.reveal).toEqual([]);
  expect(first.graded.results.filter((r) => !r.correct).map((r) => r.questionId).sort()).toEqual([AGAIN.id, ASKED.id].sort());
  expect(first.graded.results.every((r) => r.expected === undefined)).toBe(true);

  for (const q of [ASKED, AGAIN]) {
    const feedback = form.feedback(q.id);
    await expect(feedback).toContainText("Not quite");
    await expect(feedback).toContainText(q.explanation.trim().split("\n")[0]!);
    await expect(feedback).not.toContainText("Correct answer");
    await expect(feedback.getByRole("button", { name: "Show answer" })).toBeVisible();
  }

  // On request: the same attempt again with this question revealed; the server sends that one answer only.
  const asked = await attemptDuring(page, () => form.feedback(ASKED.id).getByRole("button", { name: "Show answer" }).click());
  expect(asked.sent).toMatchObject({ attemptId: first.sent.attemptId, reveal: [ASKED.id] });
  expect(asked.graded.results.filter((r) => r.expected !== undefined).map((r) => r.questionId)).toEqual([ASKED.id]);
  const answer = form.feedback(ASKED.id).getByText("Correct answer:");
  await expect(answer).toContainText(renderExpected(ASKED));
  await expect(answer).toBeFocused();
  await expect(form.feedback(AGAIN.id)).not.toContainText("Correct answer");

  // Try again: right answers stay, wrong ones are cleared, last results stay beside the questions.
  await page.getByRole("button", { name: "Try again" }).click();
  const firstWrong = quiz.questions.find((q) => q.id === ASKED.id || q.id === AGAIN.id)!;
  await expect(form.question(firstWrong.id)).toBeFocused();
  await expect(form.question("gil-cpu").getByRole("radio", { checked: true })).toHaveCount(1);
  await expect(form.question("stream-output").getByRole("textbox")).not.toHaveValue("");
  await expect(form.question(ASKED.id).getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(form.question(AGAIN.id).getByRole("textbox")).toHaveValue("");
  await expect(form.feedback("gil-cpu")).toContainText("Last try: ✓ Correct Your answer is kept.");
  await expect(form.feedback(AGAIN.id)).toContainText("Last try: ✗ Not quite");

  // Second try: the asked question right now, the other wrong a second time, so its answer comes with the result.
  await form.answer(ASKED, true);
  await form.answer(AGAIN, false);
  const second = await attemptDuring(page, () => form.form.getByRole("button", { name: "Check answers" }).click());
  expect(second.sent.attemptId).not.toBe(first.sent.attemptId);
  expect([...(second.sent.reveal ?? [])].sort()).toEqual([AGAIN.id, ASKED.id].sort());
  await expect(form.score).toContainText(`${quiz.questions.length - 1} of ${quiz.questions.length} right`);
  await expect(form.feedback(ASKED.id)).toContainText("✓ Correct");
  await expect(form.feedback(AGAIN.id)).toContainText(`Correct answer: ${renderExpected(AGAIN)}`);

  // Showing an answer recorded nothing: the browser holds two attempts.
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), GUEST_KEY);
  expect(stored.entries.filter((e: { event: { type: string } }) => e.event.type === "quiz")).toHaveLength(2);
});
