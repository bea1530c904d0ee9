import { expect, test, type Page } from "@playwright/test";

// What a page runs before the learner does anything is what every visit pays for (issue 15: ≤ 150 KB compressed).
// These libraries are needed only after an interaction, so none of them may be in a page's first scripts: search
// loads on focus, check feedback (diff) with a check's answer, the guest store's checks (zod) and progress model
// (ts-fsrs) when a summary, a draft or a merge needs them, next-auth's client when signing in or out.

/** Strings that survive minification and that only the library's own code contains. */
const LIBRARIES: Record<string, string[]> = {
  MiniSearch: ["MiniSearch"],
  zod: ["$ZodType", "ZodError"],
  "ts-fsrs": ["request_retention"],
  diff: ["maxEditLength", "oneChangePerToken"],
  "next-auth/react": ["[next-auth][error]", "CLIENT_FETCH_ERROR"],
};

/** The libraries found in the scripts a cold page loads before any interaction. */
async function librariesLoadedBy(page: Page, path: string): Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text().catch(() => ""));
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const scripts = await Promise.all(bodies);
  expect(scripts.length).toBeGreaterThan(0);
  return Object.entries(LIBRARIES)
    .filter(([, marks]) => scripts.some((body) => marks.some((mark) => body.includes(mark))))
    .map(([name]) => name);
}

test("the home page loads none of the libraries only an interaction needs", async ({ page }) => {
  expect(await librariesLoadedBy(page, "/")).toEqual([]);
});

test("a lesson with examples, an exercise and a quiz loads none of them either", async ({ page }) => {
  // Examples (playgrounds), compare blocks, an exercise (check feedback) and a quiz (the guest store) on one page.
  const loaded = await librariesLoadedBy(page, "/learn/node/01-event-loop");
  expect(loaded).toEqual([]);
});

test("search still loads MiniSearch, on first focus", async ({ page }) => {
  await librariesLoadedBy(page, "/");
  const loaded = page.waitForResponse((response) => response.request().resourceType() === "script" && response.text().then((body) => body.includes("MiniSearch"), () => false));
  await page.getByRole("combobox", { name: "Search lessons" }).first().focus();
  await loaded;
});
