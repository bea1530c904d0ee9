import { expect, test } from "@playwright/test";
import { checkStarterThenSolve, guestPasses } from "./editor-page";

// The Python track from the page: a learner completes a framework exercise (FastAPI with pydantic) and the capstone
// (the aggregated endpoint, graded by HTTP requests to the learner's app inside the sandbox) with the real runner.

test("a guest completes the FastAPI orders exercise from the lesson page", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/learn/python/04-flask-django-fastapi");
  const { results } = await checkStarterThenSolve(page, "python/04-flask-django-fastapi/orders-api", "python");
  await expect(results.filter({ hasText: "a quantity out of range answers 422" })).toContainText("✓");
  await expect(results.filter({ hasText: "an unknown product answers 404 with an error" })).toContainText("✓");
});

test("a guest completes the Python capstone: the aggregated endpoint answers 200, 404, 502 and 504 over HTTP", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/learn/python/08-capstone-aggregated-endpoint");
  // The contract is written down on the page, 504 for a slow dependency included.
  await expect(page.locator(".lesson-prose")).toContainText("GET /dashboard/{user_id}");
  await expect(page.locator(".lesson-prose")).toContainText("504 Gateway Timeout");

  const { results } = await checkStarterThenSolve(page, "python/08-capstone-aggregated-endpoint/dashboard", "python");
  for (const name of [
    "happy path: 200 with the user, recommendations and analytics",
    "a failing dependency answers 502 with an error body",
    "a slow dependency answers 504 with an error body",
    "a real HTTP request over the loopback gets the dashboard",
  ]) {
    await expect(results.filter({ hasText: name })).toContainText("✓");
  }
  // The guest's passing check is kept in this browser against the capstone lesson.
  expect(await guestPasses(page)).toContain("python/08-capstone-aggregated-endpoint/dashboard");
});
