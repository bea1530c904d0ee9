import { expectNoSeriousViolations } from "./axe";
import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "a long enough password";
const unique = () => `path-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

async function onboardAsJavaScriptDeveloper(page: Page) {
  await page.goto("/onboarding");
  await page.getByRole("radio", { name: /Frontend \/ JavaScript developer/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Your goals" })).toBeFocused();
  await page.getByRole("checkbox", { name: /Real-time apps/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  const hours = page.getByLabel("Hours per week");
  await hours.fill("4");
  // Enter in the field submits the step, as in any form.
  await hours.press("Enter");
  await page.getByLabel("Node.js").selectOption("3");
  await page.getByRole("button", { name: "Build my path" }).click();
  await expect(page).toHaveURL(/\/path$/);
}

test("a guest who comes from JavaScript gets a path that starts with Node.js after the choosing lesson", async ({ page }) => {
  await onboardAsJavaScriptDeveloper(page);
  await expect(page.getByTestId("path-primary")).toHaveText("Node.js");
  await expect(page.getByTestId("path-secondary")).toHaveText("Go");
  const steps = page.locator("[data-lesson-id]");
  await expect(steps.first()).toHaveAttribute("data-lesson-id", "choosing/01-the-landscape");
  await expect(steps.first()).toHaveAttribute("data-status", "next");
  // The choosing lessons, then Node.js.
  const ids = await steps.evaluateAll((els) => els.map((e) => e.getAttribute("data-lesson-id")!));
  const firstLanguageStep = ids.findIndex((id) => !id.startsWith("choosing/"));
  expect(ids[firstLanguageStep]).toBe("node/01-event-loop");
  await expect(steps.nth(firstLanguageStep)).toContainText("because you come from JavaScript");
  await page.getByText("Why this order?").click();
  await expect(page.getByText(/The choosing lessons come first/)).toBeVisible();
  await expect(page.getByText(/left: about \d+ weeks at 4 hours a week/)).toBeVisible();

  // The answers stay in this browser and can be edited later.
  await page.getByRole("link", { name: "Change your answers" }).click();
  await expect(page.getByRole("radio", { name: /Frontend \/ JavaScript developer/ })).toBeChecked();
});

test("a different background gets a different, explained path", async ({ page }) => {
  await page.goto("/onboarding");
  await page.getByRole("radio", { name: /Systems programmer/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: /Maximise my salary/ }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Build my path" }).click();
  await expect(page.getByTestId("path-primary")).toHaveText("Rust");
  // The first Rust lesson builds on the first Go one, so that prerequisite comes ahead of it, saying why.
  const ids = await page.locator("[data-lesson-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-lesson-id")!));
  expect(ids.indexOf("go/01-goroutines")).toBeGreaterThan(-1);
  expect(ids.indexOf("go/01-goroutines")).toBeLessThan(ids.indexOf("rust/01-ownership-and-async"));
  await expect(page.locator('[data-lesson-id="go/01-goroutines"]')).toContainText(/needed before/);
  await expect(page.getByText(/invest in Rust/)).toBeVisible();
});

test("a signed-in learner's answers are saved to the account and their path follows them to a fresh browser", async ({ page, browser }) => {
  const email = unique();
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("user-name")).toBeVisible();
  await onboardAsJavaScriptDeveloper(page);
  await expect(page.getByTestId("path-primary")).toHaveText("Node.js");
  expect((await page.request.get("/api/path")).status()).toBe(200);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/signin");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(other.getByTestId("user-name")).toBeVisible();
  await other.goto("/path");
  await expect(other.getByTestId("path-primary")).toHaveText("Node.js");
  const body = await (await other.request.get("/api/path")).json();
  expect(body.primary).toBe("node");
  await fresh.close();
});

test("the stack advisor recommends Rust or Go for 200k requests per second at 5 ms, with reasons linked to lessons", async ({ page }) => {
  await page.goto("/advisor");
  await page.getByLabel("Expected requests per second (per instance)").fill("200000");
  await page.getByLabel("p99 latency target (ms)").fill("5");
  await page.getByRole("radio", { name: "Months" }).check();
  await page.getByRole("button", { name: "Recommend a stack" }).click();
  await expect(page.getByTestId("advisor-recommendation")).toHaveText(/^(Rust|Go)$/);
  const links = page.locator(".advisor-reasons a");
  expect(await links.count()).toBeGreaterThan(1);
  await expect(links.first()).toHaveAttribute("href", /^\/learn\/(choosing|node|python|go|rust)\/01-/);
  await expect(page.getByRole("heading", { name: "Your path beyond this course" })).toBeVisible();
  await expect(page.locator(".advisor-beyond li").first()).toBeVisible();
});

test("the path and advisor APIs answer bad input with 4xx and guests with 401", async ({ request }) => {
  const preview = await request.post("/api/path/preview", { data: { answers: { background: "frontend-js", goals: ["real-time"], hoursPerWeek: 5 } } });
  expect(preview.status()).toBe(200);
  const body = await preview.json();
  expect([body.primary, body.secondary]).toEqual(["node", "go"]);
  expect(body.steps[0]).toMatchObject({ lessonId: "choosing/01-the-landscape", status: "next" });

  const bad = await request.post("/api/path/preview", { data: { answers: { background: "wizard", hoursPerWeek: 5 } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/background/);
  const advisorBad = await request.post("/api/advisor", { headers: { "content-type": "application/json" }, data: "{oops" });
  expect(advisorBad.status()).toBe(400);
  expect((await request.get("/api/path")).status()).toBe(401);
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no serious violations on /onboarding, /path and /advisor (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/onboarding");
    await expectNoSeriousViolations(page);
    await onboardAsJavaScriptDeveloper(page);
    await expect(page.locator("[data-lesson-id]").first()).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.goto("/advisor");
    await page.getByRole("checkbox", { name: "JavaScript / TypeScript" }).check();
    await page.getByRole("checkbox", { name: /Real-time features/ }).check();
    await page.getByRole("button", { name: "Recommend a stack" }).click();
    await expect(page.getByTestId("advisor-recommendation")).toHaveText(/^(Node\.js|Go)$/);
    await expectNoSeriousViolations(page);
  });
}
