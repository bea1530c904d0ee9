import { expect, test, type Page } from "@playwright/test";

// A lesson page ships its prose and highlighted code; the editor (Monaco) and the Python interpreter (Pyodide) are
// fetched only when a learner starts editing or runs Python.

const LESSON = "/learn/python/01-python-for-the-web";

function watchScripts(page: Page) {
  const urls: string[] = [];
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const url = response.url();
    urls.push(url);
    if (response.request().resourceType() === "script") bodies.push(await response.text().catch(() => ""));
  });
  return { urls, bodies };
}

// Strings that only Monaco's own code contains.
const monacoIn = (bodies: string[]) => bodies.some((b) => b.includes("MonacoEnvironment") || b.includes("monaco-editor-background"));

test("Monaco and Pyodide are not part of a lesson page's initial load, and arrive when needed", async ({ page }) => {
  test.setTimeout(120_000);
  const seen = watchScripts(page);
  await page.goto(LESSON);
  await page.waitForLoadState("networkidle");
  expect(seen.urls.filter((u) => u.includes("/vendor/pyodide/"))).toEqual([]);
  expect(monacoIn(seen.bodies)).toBe(false);
  await expect(page.locator(".monaco-editor")).toHaveCount(0);

  const box = page.locator('figure.playground[data-language="python"]').first();
  await box.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(box.locator(".monaco-editor .view-lines")).toBeVisible({ timeout: 30_000 });
  expect(monacoIn(seen.bodies)).toBe(true);

  await box.getByRole("button", { name: "Run" }).click();
  await expect(box.getByTestId("run-meta")).toContainText("Exit code 0", { timeout: 60_000 });
  expect(seen.urls.some((u) => u.includes("/vendor/pyodide/"))).toBe(true);
  expect(seen.urls.every((u) => new URL(u).hostname === "localhost")).toBe(true);
});
