import { expect, test } from "@playwright/test";
import { newUser, signUp } from "./fixtures";

// Signing up or in from the header brings the learner back to the page they were on; a callbackUrl that points
// anywhere else sends them home instead (never an open redirect).

const LESSON = "/learn/go/01-goroutines";

test("sign-up from the header returns to the lesson", async ({ page }) => {
  const user = newUser("Returning");
  await page.goto(LESSON);
  await page.locator(".site-header").getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(`/signup?callbackUrl=${encodeURIComponent(LESSON)}`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
  await expect(page).toHaveURL(LESSON);
});

test("sign-in from the header returns to the lesson", async ({ page, browser }) => {
  const user = newUser("Back");
  await signUp(browser, user);
  await page.goto(LESSON);
  await page.locator(".site-header").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(LESSON)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
  await expect(page).toHaveURL(LESSON);
});

// "/\t/…" passes a naive "one leading slash" check, and the browser then drops the tab and opens //evil.example.
for (const hostile of ["https://evil.example/", "//evil.example", "/\t/evil.example", "/\\evil.example"]) {
  test(`a callbackUrl of ${JSON.stringify(hostile)} leads home, not away`, async ({ page, browser, baseURL }) => {
    const user = newUser("Wary");
    await signUp(browser, user);
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(hostile)}`);
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/signup?callbackUrl=%2F");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("user-name")).toHaveText(user.name);
    await expect(page).toHaveURL(`${baseURL}/`);
  });
}
