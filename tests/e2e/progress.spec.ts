import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newUser, signedInContext, signIn, signUp, type TestUser } from "./fixtures";

// Progress, dashboard, account and their authorization. The quiz flow on lesson pages (guest quiz -> sign up ->
// progress is there on a second device) needs the lesson pages and is added when they are merged.

// These states were not sealed by the server (GET /api/progress/guest), so a merge brings their lessons and visits
// but none of their time (lib/progress/bounds.ts); the dashboard test below seals one to see time counted.
const guestState = (suffix: string) => ({
  version: 1,
  guestId: `guest-${suffix}`,
  lessons: [{ lessonId: "go/01-goroutines", firstOpenedAt: "2026-01-05T10:00:00Z", lastOpenedAt: "2026-01-05T10:30:00Z", completedAt: null }],
  visits: [
    { id: `visit-a-${suffix}`, lessonId: "go/01-goroutines", seconds: 600, at: "2026-01-05T10:10:00Z" },
    { id: `visit-b-${suffix}`, lessonId: "go/01-goroutines", seconds: 300, at: "2026-01-05T10:30:00Z" },
  ],
  quizAttempts: [],
  exercises: [],
});

async function summaryOf(request: APIRequestContext) {
  const response = await request.get("/api/progress");
  expect(response.status()).toBe(200);
  return (await response.json()) as { totalSeconds: number; lessons: { lessonId: string; timeSpentSeconds: number }[] };
}

test.describe("as a guest", () => {
  test("the dashboard shows local progress and an invitation to sign up, and is axe-clean", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Your dashboard" })).toBeVisible();
    await expect(page.getByTestId("guest-invite")).toContainText("Sign up");
    await expect(page.getByTestId("lessons-completed")).toHaveText("None yet");

    await page.evaluate((state) => localStorage.setItem("bp:guest-progress:v1", JSON.stringify(state)), guestState("local"));
    await page.reload();
    await expect(page.getByTestId("lessons-completed")).toHaveText("0 of 1 you opened");
    await expect(page.getByTestId("total-time")).toHaveText("15 min");
    await expect(page.getByTestId("continue-link")).toHaveAttribute("href", "/learn/go/01-goroutines");

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test("every progress and account API answers 401", async ({ request }) => {
    expect((await request.get("/api/progress")).status()).toBe(401);
    expect((await request.post("/api/progress", { data: { lessonId: "go/01-hello", secondsSpent: 5 } })).status()).toBe(401);
    expect((await request.post("/api/progress/merge", { data: guestState("anon") })).status()).toBe(401);
    expect((await request.get("/api/account/export")).status()).toBe(401);
    const del = await request.delete("/api/account", { data: { confirm: "someone@example.com" } });
    expect(del.status()).toBe(401);
    expect((await del.json()).error).toMatch(/Sign in/);
  });

  test("the account page sends a guest to sign in", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account/);
  });

  test("bad input gets a 4xx with a message", async ({ request }) => {
    const malformed = await request.post("/api/quizzes/go/01-hello/attempts", { headers: { "content-type": "application/json" }, data: Buffer.from("{oops") });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error).toMatch(/valid JSON/);
    const unknown = await request.post("/api/quizzes/go/99-no-such-lesson/attempts", { data: { answers: {} } });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toMatch(/no quiz/);
  });
});

test.describe("signed in", () => {
  let ada: TestUser;
  let babbage: TestUser;

  test.beforeAll(async ({ browser }) => {
    ada = newUser("Ada");
    babbage = newUser("Babbage");
    await signUp(browser, ada);
    await signUp(browser, babbage);
  });

  test("merging guest progress twice counts it once, time only since the store's sealed birth, and the dashboard shows it", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, ada);
    const sealed = await (await context.request.get("/api/progress/guest")).json();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // Claims 15 minutes; only the ~3 seconds since the birth the server sealed can have happened.
    const now = new Date().toISOString();
    const state = {
      ...guestState("ada"),
      ...sealed,
      lessons: [{ lessonId: "go/01-goroutines", firstOpenedAt: sealed.birth.at, lastOpenedAt: now, completedAt: now }],
      visits: [{ id: "visit-a-sealed-ada", lessonId: "go/01-goroutines", seconds: 900, at: now }],
    };
    const first = await context.request.post("/api/progress/merge", { data: state });
    expect(first.status()).toBe(200);
    // The store's visit (its opened lesson is that visit): one event, applied once.
    expect((await first.json()).merged).toEqual({ events: 1, skipped: [], unconfirmedExercises: [] });
    const second = await context.request.post("/api/progress/merge", { data: state });
    expect((await second.json()).merged).toEqual({ events: 0, skipped: [], unconfirmedExercises: [] });
    const summary = await summaryOf(context.request);
    expect(summary.totalSeconds).toBeGreaterThanOrEqual(2);
    expect(summary.totalSeconds).toBeLessThan(60);
    expect(summary.lessons.map((l) => l.lessonId)).toEqual(["go/01-goroutines"]);

    await page.goto("/dashboard");
    await expect(page.getByTestId("lessons-completed")).toHaveText("0 of 1 you opened");
    await expect(page.getByTestId("continue-link")).toContainText("Goroutines and channels");
    await expect(page.getByTestId("guest-invite")).toHaveCount(0);
    await context.close();
  });

  test("a guest's browser progress is merged once a session appears, then cleared", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, babbage);
    // Stored from a page without the app on it, so the merge cannot start before the state is in place.
    await page.goto("/api/health");
    await page.evaluate((state) => localStorage.setItem("bp:guest-progress:v1", JSON.stringify(state)), guestState("babbage"));
    await page.goto("/dashboard");
    await expect(page.getByTestId("guest-merge-status")).toHaveText("Saved to your account from this browser: 1 lesson opened.");
    expect(await page.evaluate(() => localStorage.getItem("bp:guest-progress:v1"))).toBeNull();
    expect((await summaryOf(context.request)).lessons.map((l) => l.lessonId)).toEqual(["go/01-goroutines"]);
    await context.close();
  });

  test("Ada cannot read Babbage's progress", async ({ playwright, baseURL }) => {
    const adaRequest = await playwright.request.newContext({ baseURL });
    await signIn(adaRequest, ada);
    const babbageRequest = await playwright.request.newContext({ baseURL });
    await signIn(babbageRequest, babbage);

    const adaBefore = await summaryOf(adaRequest);
    const babbageBefore = await summaryOf(babbageRequest);
    const merged = await babbageRequest.post("/api/progress/merge", { data: guestState("babbage-private") });
    expect((await merged.json()).merged.events).toBe(2);
    expect(await summaryOf(babbageRequest)).not.toEqual(babbageBefore);

    // Ada's numbers do not move, and no parameter can name another learner.
    expect(await summaryOf(adaRequest)).toEqual(adaBefore);
    const probing = await adaRequest.get(`/api/progress?userId=${encodeURIComponent(babbage.email)}`);
    expect(await probing.json()).toEqual(adaBefore);
    const exported = await (await adaRequest.get("/api/account/export")).json();
    expect(exported.user.email).toBe(ada.email);
    expect(JSON.stringify(exported)).not.toContain(babbage.email);
    await adaRequest.dispose();
    await babbageRequest.dispose();
  });

  test("export my data, then delete my account", async ({ browser }) => {
    const dora = newUser("Dora");
    await signUp(browser, dora);
    const { context, page } = await signedInContext(browser, dora);
    // Opening the lesson is an action of the day; the unsealed visits' time is not credited (see guestState).
    const state = guestState("dora");
    state.visits.push({ id: "visit-open-dora", lessonId: "go/01-goroutines", seconds: 0, at: "2026-01-05T10:00:00Z" });
    await context.request.post("/api/progress/merge", { data: state });

    await page.goto("/account");
    await expect(page.getByTestId("account-email")).toHaveText(dora.email);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("export-link").click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^backend-paths-export-\d{4}-\d{2}-\d{2}\.json$/);
    const data = await (await context.request.get("/api/account/export")).json();
    expect(data.user.email).toBe(dora.email);
    expect(data.user.passwordHash).toBeUndefined();
    expect(data.lessonProgress.map((l: { lessonId: string }) => l.lessonId)).toEqual(["go/01-goroutines"]);
    expect(data.activityDays).toHaveLength(1);

    await page.getByLabel(/Type your email address/).fill("wrong@example.com");
    await page.getByRole("button", { name: /Delete my account/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: "email address" })).toBeVisible();

    await page.getByLabel(/Type your email address/).fill(dora.email);
    await page.getByRole("button", { name: /Delete my account/ }).click();
    await expect(page).toHaveURL(/account=deleted/);

    // The account is gone: its password no longer signs in.
    const fresh = await browser.newContext();
    const { csrfToken } = await (await fresh.request.get("/api/auth/csrf")).json();
    await fresh.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: dora.email, password: dora.password, json: "true" },
      maxRedirects: 0,
    });
    expect(((await (await fresh.request.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
    await fresh.close();
    await context.close();
  });
});
