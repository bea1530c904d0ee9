import { seriousViolations } from "./axe";
import { expect, test } from "@playwright/test";

// The lesson engine end to end, on the production build: catalog -> track -> lesson, language switching across
// Compare blocks, search, keyboard navigation, and axe on every page type in both themes.

const LESSON = "/learn/choosing/01-the-landscape";
// Two Compare blocks: fib in JavaScript, Python, Go and Rust; capacity in Python and TypeScript.
const COMPARE_LESSON = "/learn/choosing/03-performance-in-numbers";

test("catalog -> track -> lesson", async ({ page }) => {
  await page.goto("/learn");
  const tracks = page.getByRole("list", { name: "Tracks" }).getByRole("listitem");
  await expect(tracks).toHaveCount(5);
  await expect(tracks.first()).toContainText("Choosing your backend");
  await expect(page.locator('[data-track="go"]')).toContainText("8 lessons");

  await page.getByRole("link", { name: "Go", exact: true }).click();
  await expect(page).toHaveURL(/\/learn\/go$/);
  await expect(page.getByRole("heading", { level: 1, name: "Go" })).toBeVisible();
  const item = page.locator('[data-lesson="go/01-goroutines"]');
  await expect(item).toContainText("Start goroutines and wait for them with a WaitGroup");
  await expect(item).toContainText("35 min");
  await expect(item.getByRole("link", { name: "The backend landscape in four languages" })).toBeVisible();

  await item.getByRole("link", { name: /Goroutines and channels/ }).click();
  await expect(page).toHaveURL(/\/learn\/go\/01-goroutines$/);
  await expect(page.getByRole("heading", { level: 1, name: "Goroutines and channels" })).toBeVisible();
  await expect(page.getByText("min read")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Channels" })).toBeVisible();
  // Highlighted at build time into an element per token kind, coloured by app/globals.css (GitHub's light keyword red).
  const keyword = page.locator('[data-example-id="go/01-goroutines/workers"] .shiki hl-k').first();
  await expect(keyword).toHaveText("package");
  await expect(keyword).toHaveCSS("color", "rgb(207, 34, 46)");
});

test("picking a language in one Compare block switches every block, and survives a reload", async ({ page }) => {
  await page.goto(COMPARE_LESSON);
  const blocks = page.locator("[data-compare]");
  await expect(blocks).toHaveCount(2);
  const fib = page.locator("[data-compare=fib]");
  const capacity = page.locator("[data-compare=capacity]");

  await fib.getByRole("tab", { name: "Python" }).click();
  for (const block of await blocks.all()) {
    await expect(block).toHaveAttribute("data-active-language", "python");
    await expect(block.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
    await expect(block.locator('[role="tabpanel"]:not([hidden])')).toHaveAttribute("data-language", "python");
    // Only the first language's code comes with the page; the others are fetched when first shown.
    await expect(block.locator('[role="tabpanel"]:not([hidden]) .shiki')).toContainText("def ");
  }

  // Keyboard on the tabs: ArrowRight moves to the next language (Go), without leaving the lesson.
  await fib.getByRole("tab", { name: "Python" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(fib).toHaveAttribute("data-active-language", "go");
  await expect(page).toHaveURL(new RegExp(`${COMPARE_LESSON}$`));

  await page.reload();
  await expect(page.locator("[data-compare=fib]")).toHaveAttribute("data-active-language", "go");

  // TypeScript exists only for "capacity"; the JavaScript fib follows as its sibling.
  await capacity.getByRole("tab", { name: "TypeScript" }).click();
  await expect(fib).toHaveAttribute("data-active-language", "javascript");

  await fib.getByRole("button", { name: "Compare side by side" }).click();
  await expect(fib.locator(".compare-panel:visible")).toHaveCount(4);
  await expect(capacity.locator(".compare-panel:visible")).toHaveCount(2);
});

test("search as you type lands on the right lesson", async ({ page }) => {
  await page.goto("/learn");
  const box = page.getByRole("combobox", { name: "Search lessons" });
  await box.fill("ownership");
  const options = page.getByRole("listbox", { name: "Search results" }).getByRole("option");
  await expect(options.first()).toContainText("Ownership, threads and async");
  await expect(options.first().locator("mark").first()).toHaveText(/ownership/i);
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /option-0$/);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/learn\/rust\/01-ownership-and-async/);
  await expect(page.getByRole("heading", { level: 1, name: "Ownership, threads and async" })).toBeVisible();
});

test("j/k and the arrow keys move between lessons, but not while typing", async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByRole("link", { name: /Next/ })).toHaveAttribute("href", "/learn/choosing/02-runtime-models");
  await page.locator("body").press("j");
  await expect(page).toHaveURL(/\/learn\/choosing\/02-runtime-models$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.locator("body").press("ArrowRight");
  await expect(page).toHaveURL(/\/learn\/choosing\/03-performance-in-numbers$/);
  await page.locator("body").press("k");
  await expect(page).toHaveURL(/\/learn\/choosing\/02-runtime-models$/);

  const box = page.getByRole("combobox", { name: "Search lessons" });
  await box.press("j");
  await box.press("ArrowLeft");
  await expect(box).toHaveValue("j");
  await expect(page).toHaveURL(/\/learn\/choosing\/02-runtime-models$/);

  // Once focus leaves the search box the keys work again.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
});

test("an unknown lesson is a 404", async ({ page }) => {
  const response = await page.goto("/learn/go/99-nothing");
  expect(response?.status()).toBe(404);
});

// axe is slow on a shared two-core machine: one test per page and theme, each with room to finish.
for (const theme of ["light", "dark"] as const) {
  for (const url of ["/learn", "/learn/choosing", LESSON, "/learn/rust/01-ownership-and-async"]) {
    test(`axe (${theme}): ${url} has no serious violations`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test(`axe (${theme}): side-by-side code and the open search list have no serious violations`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
    await page.goto(COMPARE_LESSON);
    await page.locator("[data-compare=fib]").getByRole("button", { name: "Compare side by side" }).click();
    const box = page.getByRole("combobox", { name: "Search lessons" });
    await box.fill("goroutines");
    await expect(page.getByRole("listbox", { name: "Search results" }).getByRole("option").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
