import { expect, test } from "@playwright/test";
import { checkStarterThenSolve, guestPasses } from "./editor-page";

// The Go track from the page: a learner completes the capstone (the aggregated endpoint on chi, with a real SQLite
// table, graded by HTTP requests sent to the learner's router on 127.0.0.1 inside the sandbox) with the real runner.

test("a guest completes the Go capstone: the chi endpoint answers 200, 404, 502 and 504 over HTTP", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/learn/go/08-capstone-aggregated-endpoint");
  // The shared contract is written down on the page, 504 for a slow dependency included.
  const prose = page.locator(".lesson-prose");
  await expect(prose).toContainText("GET /dashboard/{user_id}");
  await expect(prose).toContainText("504 Gateway Timeout");

  // The starter, unchanged, compiles and runs on the server (one test passes, so the program ran) and fails: it
  // calls the services one after another, with no deadline and no status codes.
  const { results } = await checkStarterThenSolve(page, "go/08-capstone-aggregated-endpoint/dashboard", "go", /^9 of 10 tests fail\.$/);
  for (const name of [
    "happy path: 200 with the user, recommendations and analytics",
    "a missing user answers 404 with an error body",
    "a failing dependency answers 502 with an error body",
    "a slow dependency answers 504 with an error body",
    "the 504 comes within the budget, not when the slow call ends",
  ]) {
    await expect(results.filter({ hasText: name })).toContainText("✓");
  }

  // The guest's passing check is kept in this browser against the capstone lesson.
  expect(await guestPasses(page)).toContain("go/08-capstone-aggregated-endpoint/dashboard");
});
