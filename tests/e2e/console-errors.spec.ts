import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { newUser, signIn, signUp } from "./fixtures";
import { NOT_FOUND_ROUTE, siteRoutes } from "./site-routes";

// Every page, as a guest and signed in, must load without a console error or an uncaught exception: a hydration
// mismatch (React #418), a failed request or a crash in a component all show up here first.

/** Collects the page's console errors and uncaught exceptions, except the 404 page's own expected 404. */
function watchErrors(page: Page, route: string): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const own404 = route === NOT_FOUND_ROUTE && message.location().url.endsWith(route) && message.text().includes("404");
    if (!own404) errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  return errors;
}

async function visit(page: Page, route: string): Promise<string[]> {
  const errors = watchErrors(page, route);
  await page.goto(route);
  await page.waitForLoadState("networkidle");
  return errors;
}

test.describe("as a guest", () => {
  for (const route of siteRoutes()) {
    test(`${route} logs no errors`, async ({ page }) => {
      expect(await visit(page, route)).toEqual([]);
    });
  }
});

test.describe("signed in", () => {
  // One account and one sign-in for every page: each test starts a context from the saved session cookie.
  let session: Awaited<ReturnType<BrowserContext["storageState"]>>;
  test.beforeAll(async ({ browser }) => {
    const user = newUser("Quiet");
    await signUp(browser, user);
    const context = await browser.newContext();
    await signIn(context.request, user);
    session = await context.storageState();
    await context.close();
  });

  for (const route of siteRoutes()) {
    test(`${route} logs no errors`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: session });
      const page = await context.newPage();
      expect(await visit(page, route)).toEqual([]);
      await expect(page.getByTestId("user-name")).toBeVisible();
      await context.close();
    });
  }
});
