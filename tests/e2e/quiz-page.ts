import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import { quizSchema, type Question, type Quiz } from "../../lib/content/quiz-schema";

// A page object for the quiz on a lesson page. The test knows the answers (it reads quiz.yaml from disk, as the
// server does); the page never does. Every interaction goes through labelled controls, as a learner's would.

export function readQuiz(lessonId: string): Quiz {
  const text = fs.readFileSync(path.join(process.cwd(), "lessons", lessonId, "quiz.yaml"), "utf8");
  return quizSchema.parse(parse(text));
}

/** A wrong answer of the same kind, so a test can fail a question on purpose. */
function wrongAnswer(q: Question): Question {
  switch (q.kind) {
    case "single":
      return { ...q, answer: q.choices.find((c) => c.id !== q.answer)!.id };
    case "multiple":
      return { ...q, answer: q.choices.filter((c) => !q.answer.includes(c.id)).map((c) => c.id).slice(0, 1) };
    case "true-false":
      return { ...q, answer: !q.answer };
    case "numeric":
      return { ...q, answer: q.answer + q.tolerance * 10 + 1000 };
    case "order": {
      const flat = q.answer.flat();
      return { ...q, answer: [...flat].reverse() };
    }
    case "output":
      return { ...q, answer: "not what it prints" };
    case "fill-blank":
      return { ...q, answer: q.answer.map(() => ["wrong"]) };
  }
}

export class QuizPage {
  readonly form: Locator;
  constructor(
    readonly page: Page,
    readonly lessonId: string,
  ) {
    this.form = page.getByRole("form", { name: "Check your understanding" });
  }

  question(id: string): Locator {
    return this.page.locator(`[id="quiz-${this.lessonId}-${id}"]`);
  }

  async answer(q: Question, correct = true) {
    const a = correct ? q : wrongAnswer(q);
    const field = this.question(q.id);
    switch (a.kind) {
      case "single":
        await field.getByRole("radio", { name: a.choices.find((c) => c.id === a.answer)!.text, exact: true }).check();
        return;
      case "multiple":
        for (const c of a.choices) await field.getByRole("checkbox", { name: c.text, exact: true }).setChecked(a.answer.includes(c.id));
        return;
      case "true-false":
        await field.getByRole("radio", { name: a.answer ? "True" : "False", exact: true }).check();
        return;
      case "numeric":
        await field.getByRole("textbox").fill(String(a.answer));
        return;
      case "order":
        await this.putInOrder(field, a.items, a.answer.flat());
        return;
      case "output":
        await field.getByRole("textbox").fill(a.answer.trimEnd());
        return;
      case "fill-blank":
        for (const [i, accepted] of a.answer.entries()) await field.getByRole("textbox", { name: new RegExp(`^Blank ${i + 1} of`) }).fill(accepted[0]!);
        return;
    }
  }

  /** Presses Tab until focus is inside `within` (on the control named `label`, if given); fails rather than loop. */
  async tabTo(within: Locator, label?: string) {
    const handle = await within.elementHandle();
    for (let i = 0; i < 40; i++) {
      const there = await this.page.evaluate(
        ([root, name]) => root!.contains(document.activeElement) && (name === null || document.activeElement?.getAttribute("aria-label") === name),
        [handle, label ?? null] as const,
      );
      if (there) return;
      await this.page.keyboard.press("Tab");
    }
    throw new Error(`focus never reached ${label ?? "the control"}`);
  }

  /** Answers a question with the keyboard alone, moving on from wherever focus is with Tab. */
  async answerByKeyboard(q: Question) {
    const field = this.question(q.id);
    const keys = this.page.keyboard;
    await this.tabTo(field);
    switch (q.kind) {
      case "single":
      case "true-false": {
        const options = q.kind === "single" ? q.choices.map((c) => c.id) : [true, false];
        const index = (options as unknown[]).indexOf(q.answer);
        if (index === 0) await keys.press("Space");
        for (let i = 0; i < index; i++) await keys.press("ArrowDown");
        return;
      }
      case "multiple":
        for (const [i, c] of q.choices.entries()) {
          if (i > 0) await keys.press("Tab");
          if (q.answer.includes(c.id)) await keys.press("Space");
        }
        return;
      case "numeric":
        await keys.type(String(q.answer));
        return;
      case "output":
        // The code above the answer box takes focus first (it may need scrolling on a phone).
        await this.tabTo(field.locator("textarea"));
        await keys.type(q.answer.trimEnd());
        return;
      case "fill-blank":
        for (const [i, accepted] of q.answer.entries()) {
          if (i > 0) await keys.press("Tab");
          await keys.type(accepted[0]!);
        }
        return;
      case "order": {
        const text = (id: string) => q.items.find((i) => i.id === id)!.text;
        const target = q.answer.flat();
        for (const [position, id] of target.entries()) {
          const rows = field.locator(".quiz-order-row > span:first-child");
          let index = (await rows.allTextContents()).indexOf(text(id));
          if (index <= position) continue;
          const label = `Move ${text(id)} up`;
          await this.tabTo(field, label);
          while (index > position) {
            await keys.press("Enter");
            index -= 1;
            await expect(rows.nth(index)).toHaveText(text(id));
          }
        }
        await expect(field.locator(".quiz-order-row > span:first-child")).toHaveText(target.map(text));
        return;
      }
    }
  }

  /** Moves items with their "Move … up" buttons until the list reads in `target` order. */
  async putInOrder(field: Locator, items: { id: string; text: string }[], target: string[]) {
    const text = (id: string) => items.find((i) => i.id === id)!.text;
    for (const [position, id] of target.entries()) {
      const current = await field.locator(".quiz-order-row > span:first-child").allTextContents();
      let index = current.indexOf(text(id));
      while (index > position) {
        await field.getByRole("button", { name: `Move ${text(id)} up`, exact: true }).click();
        index -= 1;
      }
    }
    await expect(field.locator(".quiz-order-row > span:first-child")).toHaveText(target.map(text));
  }

  /** Answers every question, right ones listed in `wrong` excepted, and submits. */
  async complete(quiz: Quiz, options: { wrong?: string[] } = {}) {
    for (const q of quiz.questions) await this.answer(q, !options.wrong?.includes(q.id));
    await this.form.getByRole("button", { name: "Check answers" }).click();
    await expect(this.score).toBeVisible();
  }

  get score(): Locator {
    return this.page.getByTestId("quiz-score");
  }

  feedback(questionId: string): Locator {
    return this.page.getByTestId(`feedback-${questionId}`);
  }
}
