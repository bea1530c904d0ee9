import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import type { CodeLanguage } from "../../lib/course/vocabulary";

// A page object for the code editors: the playgrounds of lessons and the scratchpad, and the exercises. Code is typed
// into Monaco as a learner would; the test knows the reference solution (it reads the exercise file from disk, as
// the server does), the page never does.

export type ExerciseFile = { title: string; solution: string; tests: { name: string }[] };

export function readExercise(exerciseId: string): ExerciseFile {
  const [track, lesson, name] = exerciseId.split("/");
  return parse(readFileSync(path.join(process.cwd(), "lessons", track!, lesson!, "exercises", `${name}.yaml`), "utf8")) as ExerciseFile;
}

/** The exercise box on a lesson page (or the scratchpad) by its id. */
export function exerciseBox(page: Page, exerciseId: string): Locator {
  return page.locator(`section.exercise[data-exercise-id="${exerciseId}"]`);
}

/**
 * Replaces the code in a playground or exercise, opening Monaco first when the box still shows its static code.
 * insertText types the whole string at once, so Monaco adds no closing brackets or indentation of its own.
 */
export async function replaceCode(page: Page, box: Locator, code: string) {
  const edit = box.getByRole("button", { name: /^Edit (this|your solution)/ });
  if (await edit.count()) await edit.click();
  const lines = box.locator(".monaco-editor .view-lines");
  await expect(lines).toBeVisible({ timeout: 30_000 });
  await lines.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

const withoutComments = (source: string) =>
  source
    .split("\n")
    .map((line) => line.replace(/^\s*\/\/.*$/, "").replace(/\s+\/\/ .*$/, "").trim())
    .filter((line) => line !== "");

/**
 * A reference solution as one line, as the tests type it: a new line after "{" or ":" makes Monaco add a closing
 * brace or indentation of its own. JavaScript/TypeScript and Rust ignore line breaks between statements ended with
 * semicolons; Go accepts explicit semicolons wherever its lexer would insert one; Python runs the source through exec
 * in the module's namespace.
 */
export function asOneLine(language: CodeLanguage, source: string): string {
  switch (language) {
    case "python":
      return `exec(${JSON.stringify(source)})`;
    case "go":
      return withoutComments(source)
        .map((line) => (/([\w)\]}"`']|\+\+|--)$/.test(line) ? `${line};` : line))
        .join(" ");
    default:
      return withoutComments(source).join(" ");
  }
}

/** Checks the unchanged starter (it must fail, with one result per test), then types the solution and passes. */
export async function checkStarterThenSolve(page: Page, exerciseId: string, language: CodeLanguage, starterVerdict = /^\d+ of \d+ tests fail\.$/) {
  const file = readExercise(exerciseId);
  const box = exerciseBox(page, exerciseId);
  await expect(box.getByRole("heading", { name: `Exercise: ${file.title}` })).toBeVisible();
  const results = box.locator(".exercise-tests li");

  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText(starterVerdict, { timeout: 90_000 });
  await expect(results).toHaveCount(file.tests.length);
  await expect(results.filter({ hasText: "✗" }).first()).toBeVisible();

  await replaceCode(page, box, asOneLine(language, file.solution));
  await box.getByRole("button", { name: "Check" }).click();
  await expect(box.getByTestId("exercise-verdict")).toHaveText("All tests pass.", { timeout: 90_000 });
  await expect(results.filter({ hasText: "✓" })).toHaveCount(file.tests.length);
  return { box, results };
}

/** The exercise ids this browser's guest store holds a passing check for. */
export async function guestPasses(page: Page): Promise<string[]> {
  return (await guestExerciseChecks(page)).filter((c) => c.passed).map((c) => c.exerciseId);
}

/** The exercise checks this browser's guest store holds, oldest first: exercise events with the result shown then. */
export async function guestExerciseChecks(page: Page): Promise<{ exerciseId: string; passed: boolean; code: string }[]> {
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("bp:guest-progress:v1") ?? "null"));
  type Entry = { event: { type: string; exerciseId?: string; code?: string }; shown?: { passed?: boolean } };
  return (stored?.entries ?? [])
    .filter((e: Entry) => e.event.type === "exercise")
    .map((e: Entry) => ({ exerciseId: e.event.exerciseId!, passed: e.shown?.passed ?? false, code: e.event.code! }));
}
