import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";

// The four-language lab against the real server: one button runs both programs in TypeScript, Python, Go and Rust
// through POST /api/run, and every cell shows the program's own time with the runner's compile and run times apart.

const LANGUAGES = ["typescript", "python", "go", "rust"] as const;
const COMPILED = new Set(["go", "rust"]);

function program(page: Page, id: string): Locator {
  return page.locator(`[data-testid="lab-program"][data-program="${id}"]`);
}

function cell(page: Page, id: string, language: string): Locator {
  return program(page, id).locator(`[data-testid="lab-cell"][data-language="${language}"]`);
}

async function openLab(page: Page, theme: "light" | "dark") {
  await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
  await page.goto("/lab");
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

async function expectResults(page: Page, id: string, states: Record<string, string>) {
  for (const language of LANGUAGES) {
    const box = cell(page, id, language);
    await expect(box).toHaveAttribute("data-state", states[language] ?? "done", { timeout: 90_000 });
  }
}

test.describe("four-language lab", () => {
  test.setTimeout(180_000);

  test("is linked from the catalog and states the input size", async ({ page }) => {
    await page.goto("/learn");
    await page.getByRole("link", { name: "The four-language lab" }).click();
    await expect(page).toHaveURL(/\/lab$/);
    await expect(program(page, "fib")).toContainText("fib(30)");
    await expect(page.getByTestId("article-figures")).toContainText("1,330");
  });

  test("(light) one keyboard press runs both programs in four languages, with compile and run times apart", async ({ page }) => {
    await openLab(page, "light");
    await page.getByRole("button", { name: "Run all" }).focus();
    await page.keyboard.press("Enter");
    await expect(cell(page, "fanout", "rust")).toHaveAttribute("data-state", /waiting|running/);
    for (const id of ["fib", "fanout"]) {
      await expectResults(page, id, {});
      for (const language of LANGUAGES) {
        const box = cell(page, id, language);
        await expect(box.getByTestId("elapsed")).toHaveText(/^\d+(\.\d+)? ms$/);
        await expect(box.getByTestId("phases")).toHaveText(COMPILED.has(language) ? /^(compiled in \d+ ms|build reused \(same code\)) · ran in \d+ ms$/ : /^ran in \d+ ms$/);
      }
      // The chart and its table alternative hold the four results.
      const results = program(page, id).getByTestId("lab-results");
      await expect(results.getByRole("img")).toBeVisible();
      await expect(results.locator("table tbody tr")).toHaveCount(4);
    }
    // Waiting is not computing: the fan-out ends at its deadline, not after the sum of the delays.
    for (const language of LANGUAGES) {
      const ms = Number((await cell(page, "fanout", language).getByTestId("elapsed").textContent())!.replace(" ms", ""));
      expect(ms).toBeGreaterThanOrEqual(495);
      expect(ms).toBeLessThan(1100);
    }
    await expect(page.getByTestId("lab-progress")).toHaveText("Finished 8 runs.");
    await expectNoSeriousViolations(page);
  });

  test("(dark, phone) an edited program the sandbox stops says so in its cell", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openLab(page, "dark");
    const python = cell(page, "fib", "python");
    await python.locator("summary").click();
    await python.getByRole("button", { name: "Edit" }).click();
    const lines = python.locator(".monaco-editor .view-lines");
    await expect(lines).toBeVisible({ timeout: 30_000 });
    await lines.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("print('start')\nwhile True:\n    pass\n");
    await expect(python.locator("summary")).toContainText("Edited");

    await page.getByRole("button", { name: "Run all" }).click();
    await expectResults(page, "fib", { python: "stopped" });
    await expectResults(page, "fanout", {});
    await expect(python.getByTestId("stop-reason")).toContainText("time limit");
    await expect(python.getByTestId("cell-state")).toHaveText("Stopped");
    await expect(program(page, "fib").getByTestId("lab-results")).toContainText("Not charted: Python (stopped)");
    await expect(program(page, "fib").getByTestId("lab-results").locator("table tbody tr")).toHaveCount(3);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page);
  });
});
