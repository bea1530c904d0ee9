import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";

test("the theme toggle persists across reloads without a flash of the other theme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");

  // The inline script sets the theme before first paint: check the attribute as soon as the document exists.
  await page.reload({ waitUntil: "commit" });
  await page.waitForSelector("body", { state: "attached" });
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
});

test("follows the system preference until the learner chooses", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("keyboard: the first Tab reaches the skip link, which moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

test("an unknown page gets a real 404 page with a way back", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse the course" })).toBeVisible();
});

test("the header works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/");
  // On a phone the links live behind the Menu button (tests/e2e/phone-layout.spec.ts covers every page and width).
  await page.getByRole("button", { name: "Menu" }).click();
  for (const name of ["Learn", "My path", "Dashboard"]) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("/api/health reports the database and every runner", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", db: "ok" });
  for (const lang of ["javascript", "python", "go", "rust"]) {
    expect(["available", "unavailable"]).toContain(body.runners[lang].status);
  }
});

for (const path of ["/", "/signin", "/signup", "/no/such/page", "/playground", "/advisor"]) {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no serious violations on ${path} (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await expectNoSeriousViolations(page);
    });
  }
}
