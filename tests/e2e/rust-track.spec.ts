import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";

// The Rust track from the page: a "make it compile" exercise whose starter does not compile. The learner checks it,
// reads rustc's diagnostic on the page (the code, the span, the help line), fixes the code in Monaco, and passes.

type ExerciseFile = { title: string; solution: string; tests: { name: string }[] };

const LESSON = "01-ownership-and-async";
const NAME = "fix-the-moves";

function exerciseFile(lesson: string, name: string): ExerciseFile {
  return parse(readFileSync(path.join(process.cwd(), "lessons/rust", lesson, "exercises", `${name}.yaml`), "utf8")) as ExerciseFile;
}

/**
 * The reference solution as one line: typed into Monaco, a new line after "{" gets an automatic closing brace and
 * extra indentation. Rust does not care about line breaks, so the comments go and the rest is joined with spaces.
 */
function asOneLine(source: string): string {
  return source
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("//"))
    .join(" ");
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

test("a guest makes a Rust exercise compile: the compiler's error is shown readably, then the fix passes", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const file = exerciseFile(LESSON, NAME);
  await page.goto(`/learn/rust/${LESSON}`);
  const box = page.locator(`section.exercise[data-exercise-id="rust/${LESSON}/${NAME}"]`);
  await expect(box.getByRole("heading", { name: `Exercise: ${file.title}` })).toBeVisible();

  // The starter as it is: it does not compile, and the page says so instead of listing tests that did not run.
  await box.getByRole("button", { name: "Check" }).click();
  const verdict = box.getByTestId("exercise-verdict");
  await expect(verdict).toContainText("It does not compile yet.", { timeout: 60_000 });
  await expect(box.locator(".exercise-tests li.test-fail")).toHaveCount(0);

  // rustc's diagnostic: the headline with its code, the location, the source line with the span, and the help.
  const diagnostics = box.getByTestId("diagnostics");
  const first = diagnostics.locator("pre.run-diagnostic").first();
  await expect(first).toContainText("error[E0596]: cannot borrow `*lines` as mutable, as it is behind a `&` reference");
  await expect(first).toContainText("--> main.rs:8:5");
  await expect(first).toContainText("lines.push(String::from(\"-- end --\"));");
  await expect(first).toContainText("^^^^^ `lines` is a `&` reference, so it cannot be borrowed as mutable");
  await expect(first).toContainText("help: consider changing this to be a mutable reference");
  await expect(diagnostics).toContainText("error[E0382]: borrow of moved value: `lines`");

  // Read as code: monospace, exact spacing (the carets stay under the span), no wrapping, no inner scrollbar.
  const style = await first.evaluate((el) => {
    const css = getComputedStyle(el);
    return { font: css.fontFamily, whiteSpace: css.whiteSpace, scrolls: el.scrollHeight > el.clientHeight + 1 };
  });
  expect(style.font).toMatch(/mono|Menlo|Consolas|Courier/i);
  expect(style.whiteSpace).toBe("pre");
  expect(style.scrolls).toBe(false);
  const text = await first.innerText();
  const source = text.split("\n").find((line) => line.includes("lines.push("))!;
  const carets = text.split("\n").find((line) => line.includes("^^^^^"))!;
  expect(carets.indexOf("^")).toBe(source.indexOf("lines.push("));

  // With the verdict at the top of the window, the first error's help line is in view: no scrolling through noise.
  await verdict.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await expect(first.getByText("help: consider changing this to be a mutable reference")).toBeInViewport();
  await box.screenshot({ path: testInfo.outputPath("rust-compile-error.png") });

  // Fix it in Monaco and check again: it compiles, and the harness checks the behaviour.
  await replaceCode(page, box, asOneLine(file.solution));
  await box.getByRole("button", { name: "Check" }).click();
  await expect(verdict).toHaveText("All tests pass.", { timeout: 60_000 });
  const results = box.locator(".exercise-tests li");
  await expect(results).toHaveCount(file.tests.length);
  await expect(results.filter({ hasText: "✓" })).toHaveCount(file.tests.length);
  await expect(box.getByTestId("diagnostics")).toHaveCount(0);
  await expect(box.getByText("Reference solution")).toBeVisible();
});
