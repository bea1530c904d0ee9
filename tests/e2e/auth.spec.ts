import { expect, test, type Page } from "@playwright/test";
import { signUp as createAccount, newUser, signedInContext } from "./fixtures";

const unique = () => `learner-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const PASSWORD = "a long enough password";

async function signUp(page: Page, email: string, name = "Grace Hopper") {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("sign up, sign out, sign in: the header shows who is signed in", async ({ page }) => {
  const email = unique();
  await signUp(page, email);
  await expect(page.getByTestId("user-name")).toHaveText("Grace Hopper");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("user-name")).toHaveCount(0);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("user-name")).toHaveText("Grace Hopper");

  await page.reload();
  await expect(page.getByTestId("user-name")).toHaveText("Grace Hopper");
});

test("a wrong password gets a clear error that does not reveal whether the account exists", async ({ page }) => {
  const email = unique();
  await signUp(page, email);
  await expect(page.getByTestId("user-name")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const message = "That email and password do not match an account. Check both and try again.";
  for (const who of [email, unique()]) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(who);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(message);
  }
});

test("signing up twice with one email gets a clear error beside the field", async ({ page }) => {
  const email = unique();
  await signUp(page, email);
  await expect(page.getByTestId("user-name")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signUp(page, email, "Someone Else");
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toHaveValue(email);
});

test("sign-up explains invalid input", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Ada");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
});

test("the session cookie is httpOnly and the secret never reaches the page", async ({ page, context }) => {
  await signUp(page, unique());
  await expect(page.getByTestId("user-name")).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  const html = await page.content();
  expect(html).not.toMatch(/NEXTAUTH_SECRET|passwordHash/);
});

test("sign out everywhere in one browser signs the other out on its next request", async ({ browser }) => {
  const user = newUser("Everywhere");
  await createAccount(browser, user);
  const here = await signedInContext(browser, user);
  const there = await signedInContext(browser, user);
  await there.page.goto("/account");
  await expect(there.page.getByTestId("account-email")).toHaveText(user.email);

  await here.page.goto("/account");
  await here.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here.page).toHaveURL(/\/signin/);
  await expect(here.page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // The other browser still holds its cookie; its next request finds the session ended.
  expect((await there.context.request.get("/api/progress")).status()).toBe(401);
  await there.page.reload();
  await expect(there.page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account/);
  await expect(there.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect.poll(async () => (await there.context.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);

  // Signing in again works.
  await there.page.getByLabel("Email").fill(user.email);
  await there.page.getByLabel("Password").fill(user.password);
  await there.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(there.page.getByTestId("account-email")).toHaveText(user.email);
  await here.context.close();
  await there.context.close();
});
