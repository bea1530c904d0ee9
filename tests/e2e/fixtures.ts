import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

// Sign-in without the UI for tests that are not about signing in: next-auth's credentials callback, called with the
// CSRF token from /api/auth/csrf, sets the session cookie on whichever request context made the call (a browser
// context's `request` shares its cookies with its pages). Accounts are created through the sign-up page, the only
// way the app makes one.

export type TestUser = { name: string; email: string; password: string };

export function newUser(name: string): TestUser {
  return { name, email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`, password: "correct-horse-battery" };
}

/** Creates the account through /signup in a throwaway context, leaving the caller's cookies alone. */
export async function signUp(browser: Browser, user: TestUser): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("user-name")).toBeVisible();
  await context.close();
}

/** Signs a request context in (a browser context's `request` signs its pages in too). */
export async function signIn(request: APIRequestContext, user: Pick<TestUser, "email" | "password">): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = await request.get("/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(user.email);
}

/** A fresh browser context already signed in as `user`. */
export async function signedInContext(browser: Browser, user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await signIn(context.request, user);
  return { context, page: await context.newPage() };
}
