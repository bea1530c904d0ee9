import { expect, test, type Locator, type Page } from "@playwright/test";
import { replaceCode } from "./editor-page";

// The scratchpad page: one playground per language and one exercise, all real engines (workers, Pyodide, sandbox).

function playground(page: Page, language: string): Locator {
  return page.locator(`figure.playground[data-language="${language}"]`);
}


test.describe("scratchpad playground", () => {
  test("runs an example in each language and shows its output", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/playground");
    const expected: Record<string, string> = {
      javascript: "sync code done\nmicrotask ran\ntimer fired",
      python: "['users ready', 'orders ready']",
      go: "squares: [0 1 4 9]",
      rust: "longest: borrowed",
    };
    for (const [language, output] of Object.entries(expected)) {
      const box = playground(page, language);
      await box.getByRole("button", { name: "Run" }).click();
      await expect(box.getByTestId("stdout")).toHaveText(output, { timeout: 60_000 });
      await expect(box.getByTestId("run-meta")).toContainText("Exit code 0");
    }
  });

  test("stops endless loops in JavaScript and Python and the page keeps working", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/playground");
    for (const [language, loop] of [
      ["javascript", "console.log('start'); for (;;) {}"],
      ["python", "print('start')\nwhile True:\n    pass"],
    ] as const) {
      const box = playground(page, language);
      await replaceCode(page, box, loop);
      await box.getByRole("button", { name: "Run" }).click();
      await expect(box.getByTestId("limit")).toContainText("time limit", { timeout: 60_000 });
      await expect(box.getByTestId("stdout")).toHaveText("start");
      // The page answered while the loop ran, and the reset program runs normally afterwards.
      await box.getByRole("button", { name: "Reset" }).click();
      await box.getByRole("button", { name: "Run" }).click();
      await expect(box.getByTestId("run-meta")).toContainText("Exit code 0", { timeout: 60_000 });
    }
  });

  test("keeps an edit across a reload", async ({ page }) => {
    await page.goto("/playground");
    const box = playground(page, "typescript");
    await replaceCode(page, box, 'console.log("kept after reload");');
    await page.waitForTimeout(1200);
    await page.reload();
    const again = playground(page, "typescript");
    await expect(again.locator(".monaco-editor .view-lines")).toContainText("kept after reload", { timeout: 30_000 });
    await again.getByRole("button", { name: "Run" }).click();
    await expect(again.getByTestId("stdout")).toHaveText("kept after reload", { timeout: 30_000 });
  });

  test("passes an exercise and then sees the solution", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/playground");
    const exercise = page.locator("section.exercise");
    await expect(exercise.getByText("Reference solution")).toHaveCount(0);
    await exercise.getByRole("button", { name: "Show a hint" }).click();
    await expect(exercise.getByRole("list", { name: "Hints" }).locator("li")).toHaveCount(1);
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByTestId("exercise-verdict")).toContainText("tests fail", { timeout: 30_000 });
    await exercise.getByRole("button", { name: /^Edit your solution/ }).click();
    await exercise.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+A");
    // No indented lines: Monaco's auto-indent would add to the indentation of pasted Python.
    await page.keyboard.insertText(
      "from urllib.parse import unquote_plus as u\n" +
        "parse_query = lambda q: {k: [u(p.partition('=')[2]) for p in q.split('&') if p and u(p.partition('=')[0]) == k] for k in dict.fromkeys(u(p.partition('=')[0]) for p in q.split('&') if p)}\n",
    );
    await exercise.getByRole("button", { name: "Check" }).click();
    await expect(exercise.getByTestId("exercise-verdict")).toHaveText("All tests pass.", { timeout: 30_000 });
    await expect(exercise.getByText("Reference solution")).toBeVisible();
  });
});
