import { expect, test, type Locator, type Page } from "@playwright/test";
import { replaceCode } from "./editor-page";

// Honest waiting: Python's first run says it is downloading (with a bar and the bytes) and starting Python; Go says
// "Compiling…" then "Running…" as the server streams its phases, then gives both durations; a server still preparing
// its toolchain says so with the time left; a Python traceback shows the learner's frames, not Pyodide's.

function playground(page: Page, language: string): Locator {
  return page.locator(`figure.playground[data-language="${language}"]`);
}

test("Python's first run shows the download and start-up, and its traceback is the learner's own", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/playground");
  const box = playground(page, "python");
  // No indented lines: Monaco would carry a line's indentation over to the next one.
  await replaceCode(page, box, "average = lambda xs: sum(xs) / len(xs)\nprint(average([]))");
  // Every state the waiting panel goes through, however briefly (a local download takes well under a second).
  const seen: { note: string; bar: boolean; detail: string }[] = [];
  await page.exposeFunction("noteWaiting", (state: { note: string; bar: boolean; detail: string }) => seen.push(state));
  await box.evaluate((figure) => {
    const text = (id: string) => figure.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
    new MutationObserver(() => {
      const note = text("running-note");
      const bar = figure.querySelector('[data-testid="run-progress"]') !== null;
      if (note) (window as unknown as { noteWaiting: (s: object) => void }).noteWaiting({ note, bar, detail: text("run-waiting-detail") });
    }).observe(figure, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await box.getByRole("button", { name: "Run" }).click();

  const stderr = box.getByTestId("stderr");
  await expect(stderr).toContainText("ZeroDivisionError: division by zero", { timeout: 60_000 });
  await expect(stderr).toContainText('File "<exec>", line 1, in <lambda>');
  await expect(stderr).not.toContainText("_pyodide");
  expect([...new Set(seen.map((s) => s.note))]).toEqual(["Downloading Python (first run only)…", "Starting Python…", "Running…"]);
  const downloading = seen.filter((s) => s.note.startsWith("Downloading"));
  expect(downloading.every((s) => s.bar)).toBe(true);
  expect(downloading.at(-1)!.detail).toMatch(/^\d+\.\d MiB|of \d+\.\d MiB/);

  // The second run has Python already: no download, no start-up.
  const before = seen.length;
  await box.getByRole("button", { name: "Run" }).click();
  await expect.poll(() => seen.length).toBeGreaterThan(before);
  await expect(box.getByTestId("run-meta")).toBeVisible({ timeout: 30_000 });
  expect(new Set(seen.slice(before).map((s) => s.note))).toEqual(new Set(["Running…"]));
});

/** Records every sentence the waiting panel of `box` shows, however briefly, in order. */
async function recordNotes(page: Page, box: Locator): Promise<string[]> {
  const notes: string[] = [];
  await page.exposeFunction("noteSentence", (note: string) => {
    if (notes.at(-1) !== note) notes.push(note);
  });
  await box.evaluate((figure) => {
    new MutationObserver(() => {
      const note = figure.querySelector('[data-testid="running-note"]')?.textContent;
      if (note) (window as unknown as { noteSentence: (s: string) => void }).noteSentence(note);
    }).observe(figure, { subtree: true, childList: true, characterData: true });
  });
  return notes;
}

test("Go says Compiling… then Running… as the server gets there, then shows both durations", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/playground");
  const box = playground(page, "go");
  // Sleeps after it starts, so "Running…" stays on screen long enough to be seen; the phases come from the real run.
  // The comment makes the code new to the build cache (lib/runner/sandbox/build-cache.ts), so it really compiles.
  await replaceCode(page, box, `// ${Date.now()}\npackage main\nimport ("fmt"; "time")\nfunc main() {\ntime.Sleep(1500 * time.Millisecond)\nfmt.Println("awake")\n}\n`);
  const notes = await recordNotes(page, box);
  await box.getByRole("button", { name: "Run" }).click();
  await expect(box.getByTestId("running-note")).toHaveText("Running…", { timeout: 60_000 });
  await expect(box.getByTestId("stdout")).toHaveText("awake", { timeout: 30_000 });
  expect(notes).toEqual(["Compiling and running on the server…", "Compiling…", "Running…"]);
  const meta = box.getByTestId("run-meta");
  await expect(meta).toContainText(/compiled in \d+ ms · ran in \d+ ms/);
  const ranMs = Number(/ran in (\d+) ms/.exec((await meta.textContent()) ?? "")![1]);
  expect(ranMs).toBeGreaterThanOrEqual(1500);
});

test("while the server prepares the Rust toolchain, the page says so with the time left", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/playground");
  const box = playground(page, "rust");
  // The caches are warm on a test server, so health is made to say what a first start says (started 10 s ago,
  // 100 s last time), and the run waits.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/health", (route) =>
    route.fulfill({
      json: {
        status: "ok",
        runners: {
          rust: {
            status: "preparing",
            reason: "building the Rust crates into the build cache (first start only)",
            since: new Date(Date.now() - 10_000).toISOString(),
            typicalSeconds: 100,
          },
        },
      },
    }),
  );
  await page.route("**/api/run", async (route) => {
    await held;
    await route.continue();
  });
  await box.getByRole("button", { name: "Run" }).click();
  const note = box.getByTestId("running-note");
  await expect(note).toHaveText("Preparing the Rust toolchain (first start only); your program runs as soon as it is ready.");
  await expect(note).toHaveAttribute("role", "status");
  await expect(box.getByTestId("run-waiting-detail")).toContainText(/about (8\d|9\d) s left/);
  await expect(box.getByTestId("run-waiting-detail")).toContainText(/about \d+ s left · \d+ s/);
  release();
  await expect(box.getByTestId("run-meta")).toContainText("Exit code 0", { timeout: 60_000 });
});
