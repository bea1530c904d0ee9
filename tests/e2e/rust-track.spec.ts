import { expect, test } from "@playwright/test";
import { asOneLine, exerciseBox, readExercise, replaceCode } from "./editor-page";

// The Rust track from the page: a "make it compile" exercise whose starter does not compile. The learner checks it,
// reads rustc's diagnostic on the page (the code, the span, the help line), fixes the code in Monaco, and passes.

const EXERCISE = "rust/01-ownership-and-async/fix-the-moves";

test("a guest makes a Rust exercise compile: the compiler's error is shown readably, then the fix passes", async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const file = readExercise(EXERCISE);
  await page.goto("/learn/rust/01-ownership-and-async");
  const box = exerciseBox(page, EXERCISE);
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
  await replaceCode(page, box, asOneLine("rust", file.solution));
  await box.getByRole("button", { name: "Check" }).click();
  await expect(verdict).toHaveText("All tests pass.", { timeout: 60_000 });
  const results = box.locator(".exercise-tests li");
  await expect(results).toHaveCount(file.tests.length);
  await expect(results.filter({ hasText: "✓" })).toHaveCount(file.tests.length);
  await expect(box.getByTestId("diagnostics")).toHaveCount(0);
  await expect(box.getByText("Reference solution")).toBeVisible();
});
