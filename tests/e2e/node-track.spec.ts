import { expect, test } from "@playwright/test";
import { checkStarterThenSolve, guestPasses } from "./editor-page";

// The Node.js track from the page: a learner completes a framework exercise (Hono) and the capstone (the dashboard
// endpoint on Fastify, graded by HTTP requests to the learner's app inside the sandbox) with the real runner.

test("a guest completes the Hono notes exercise from the lesson page", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/learn/node/04-http-and-frameworks");
  const { results } = await checkStarterThenSolve(page, "node/04-http-and-frameworks/hono-notes", "typescript");
  await expect(results.filter({ hasText: "POST /notes creates a note" })).toContainText("✓");
  await expect(results.filter({ hasText: "a body that is not JSON is a 400" })).toContainText("✓");
});

test("a guest completes the Node.js capstone: the dashboard answers 200, 404, 502 and 504 over HTTP", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/learn/node/08-capstone-dashboard");
  // The contract is written down on the page, 504 for a slow dependency included.
  await expect(page.locator(".lesson-prose")).toContainText("GET /dashboard/{user_id}");
  await expect(page.locator(".lesson-prose")).toContainText("504 Gateway Timeout");

  const { results } = await checkStarterThenSolve(page, "node/08-capstone-dashboard/dashboard", "typescript");
  for (const name of [
    "happy path returns the combined JSON",
    "an unknown user is a 404 with an error body",
    "a failing dependency is a 502 with an error body",
    "a slow dependency is a 504 with an error body",
    "the app answers over a real socket",
  ]) {
    await expect(results.filter({ hasText: name })).toContainText("✓");
  }
  // The guest's passing check is kept in this browser against the capstone lesson.
  expect(await guestPasses(page)).toContain("node/08-capstone-dashboard/dashboard");
});
