import { chromium, type Browser, type Page, type Request } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { lessonPageSizes } from "./lesson-size";
import type { BenchContext } from "./context";
import type { Figure } from "./figures";

// Measurement 2: what a learner's browser goes through on the heaviest pages. Chromium, a new context (cold cache) per
// page and profile: the JavaScript transferred before the first interaction (every script response's encoded body,
// once the page has loaded and the network has been idle), LCP and CLS, unthrottled and on a slow profile. Monaco and
// Pyodide are kept out of that figure on purpose; their sizes are reported apart, with when they load.

const GROUP = "Browser";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** As playwright.config.ts launches it. */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
const JS_BUDGET_BYTES = 150 * 1024;
const LCP_BUDGET_MS = 1000;
const CLS_BUDGET = 0.05;
/** Cold loads per page and profile. */
const LOADS = 3;
/** A lesson with Python examples: Edit loads Monaco, Run loads Pyodide. */
const PYTHON_LESSON = "/learn/python/01-python-for-the-web";

type Profile = { key: string; label: string; throttle?: { latencyMs: number; downKbps: number; upKbps: number; cpu: number } };
/** Lighthouse's slow-4G figures (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), applied as DevTools throttling, and 4× CPU. */
const PROFILES: Profile[] = [
  { key: "unthrottled", label: "unthrottled" },
  { key: "slow", label: "slow 4G + 4× CPU", throttle: { latencyMs: 150, downKbps: 1600, upKbps: 750, cpu: 4 } },
];

type Loaded = { jsBytes: number; scripts: number; lcpMs: number; lcpElement: string; cls: number };

// Runs in the page before its own scripts: LCP and layout shifts, including those that happened before it was read.
const OBSERVE_VITALS = `
  window.__vitals = { lcp: 0, lcpElement: "", shifts: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__vitals.lcp = e.renderTime || e.loadTime || e.startTime;
      window.__vitals.lcpElement = e.element ? e.element.tagName.toLowerCase() + (e.element.className ? "." + String(e.element.className).split(" ")[0] : "") : "";
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__vitals.shifts.push({ at: e.startTime, value: e.value });
  }).observe({ type: "layout-shift", buffered: true });
`;

/** CLS as Chromium reports it: the worst session window (shifts < 1 s apart, a window at most 5 s long). */
function cumulativeLayoutShift(shifts: readonly { at: number; value: number }[]): number {
  let worst = 0;
  let window = 0;
  let windowStart = -Infinity;
  let last = -Infinity;
  for (const shift of shifts) {
    if (shift.at - last > 1000 || shift.at - windowStart > 5000) {
      window = 0;
      windowStart = shift.at;
    }
    window += shift.value;
    last = shift.at;
    worst = Math.max(worst, window);
  }
  return worst;
}

/** Encoded (compressed, as transferred) body bytes of finished requests `counts` accepts, from the moment it is called. */
function countBytes(page: Page, counts: (request: Request) => boolean) {
  const pending: Promise<number>[] = [];
  let requests = 0;
  page.on("requestfinished", (request) => {
    if (!counts(request)) return;
    requests += 1;
    pending.push(request.sizes().then((s) => s.responseBodySize, () => 0));
  });
  return {
    /** What finished until now (later requests are left out). */
    total: async () => {
      const counted = requests;
      const sizes = await Promise.all([...pending]);
      return { bytes: sizes.reduce((a, b) => a + b, 0), requests: counted };
    },
  };
}

const isScript = (request: Request) => request.resourceType() === "script";

async function openCold(browser: Browser, url: string, profile: Profile): Promise<Loaded> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_VITALS);
    if (profile.throttle) {
      const cdp = await context.newCDPSession(page);
      const { latencyMs, downKbps, upKbps, cpu } = profile.throttle;
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: latencyMs, downloadThroughput: (downKbps * 1000) / 8, uploadThroughput: (upKbps * 1000) / 8 });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    }
    const scripts = countBytes(page, isScript);
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.waitForLoadState("networkidle", { timeout: 60_000 });
    const { bytes, requests } = await scripts.total();
    type Vitals = { lcp: number; lcpElement: string; shifts: { at: number; value: number }[] };
    const vitals = await page.evaluate(() => (window as unknown as { __vitals: Vitals }).__vitals);
    return { jsBytes: bytes, scripts: requests, lcpMs: Math.round(vitals.lcp), lcpElement: vitals.lcpElement, cls: cumulativeLayoutShift(vitals.shifts) };
  } finally {
    await context.close();
  }
}

/** Monaco after pressing Edit, then Pyodide after pressing Run, on a Python lesson: bytes and time to ready. */
async function heavyParts(browser: Browser, base: string): Promise<Figure[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(base + PYTHON_LESSON, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const box = page.locator('figure.playground[data-language="python"]').first();

    const editor = countBytes(page, isScript);
    const editAt = performance.now();
    await box.getByRole("button", { name: "Edit", exact: true }).click();
    await box.locator(".monaco-editor .view-lines").waitFor({ timeout: 60_000 });
    const editMs = performance.now() - editAt;
    await page.waitForLoadState("networkidle");
    const monaco = await editor.total();

    const python = countBytes(page, (request) => new URL(request.url()).pathname.includes("/vendor/pyodide/"));
    const runAt = performance.now();
    await box.getByRole("button", { name: "Run" }).click();
    await box.getByTestId("run-meta").filter({ hasText: "Exit code" }).waitFor({ timeout: 120_000 });
    const runMs = performance.now() - runAt;
    const pyodide = await python.total();

    const note = "Not in the first load: fetched when the learner presses it (localhost, unthrottled, cold cache).";
    return [
      { group: GROUP, id: "browser.monaco.bytes", label: "Monaco: JavaScript fetched on Edit", value: monaco.bytes, unit: "bytes", better: "lower", note },
      { group: GROUP, id: "browser.monaco.ready-ms", label: "Monaco: Edit pressed → editor ready", value: Math.round(editMs), unit: "ms", better: "lower", note },
      { group: GROUP, id: "browser.pyodide.bytes", label: `Pyodide: downloaded on first Run (${pyodide.requests} files)`, value: pyodide.bytes, unit: "bytes", better: "lower", note },
      { group: GROUP, id: "browser.pyodide.first-run-ms", label: "Pyodide: first Run pressed → result", value: Math.round(runMs), unit: "ms", better: "lower", note },
    ];
  } finally {
    await context.close();
  }
}

/** Lighthouse's performance and accessibility scores (0–100), its own Chromium launch, its default mobile profile. */
async function lighthouseScores(url: string): Promise<{ performance: number; accessibility: number }> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    const categories = result?.lhr.categories;
    const score = (key: string) => Math.round((categories?.[key]?.score ?? Number.NaN) * 100);
    return { performance: score("performance"), accessibility: score("accessibility") };
  } finally {
    chrome.kill();
  }
}

export async function measureBrowser(ctx: BenchContext): Promise<Figure[]> {
  const [lesson] = await lessonPageSizes(ctx.server.url);
  if (!lesson) throw new Error("the catalog has no lessons");
  const pages = [
    { key: "largest-lesson", label: `largest lesson (${lesson.path})`, path: lesson.path },
    { key: "home", label: "home (/)", path: "/" },
  ];
  const figures: Figure[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const page of pages) {
      for (const profile of PROFILES) {
        ctx.log(`browser: ${page.path}, ${profile.label}`);
        // LCP moves by a few hundred ms from one cold load to the next on this machine: the median of a few.
        const loads: Loaded[] = [];
        for (let i = 0; i < LOADS; i++) loads.push(await openCold(browser, ctx.server.url + page.path, profile));
        const median = [...loads].sort((a, b) => a.lcpMs - b.lcpMs)[Math.floor(LOADS / 2)]!;
        const loaded = { ...median, cls: Math.max(...loads.map((l) => l.cls)) };
        const id = `browser.${page.key}.${profile.key}`;
        const where = `${page.label}, ${profile.label}`;
        figures.push(
          {
            group: GROUP,
            id: `${id}.lcp-ms`,
            label: `${where}: LCP (median of ${LOADS} cold loads)`,
            value: loaded.lcpMs,
            unit: "ms",
            better: "lower",
            ...(profile.throttle ? { budget: { limit: LCP_BUDGET_MS, on: "value" as const } } : {}),
            note: `The largest paint: <${loaded.lcpElement || "?"}>.`,
          },
          { group: GROUP, id: `${id}.cls`, label: `${where}: CLS (worst of ${LOADS})`, value: Number(loaded.cls.toFixed(4)), unit: "", better: "lower", budget: { limit: CLS_BUDGET, on: "value" } },
        );
        // The bytes do not depend on the profile: reported once, from the unthrottled load.
        if (!profile.throttle) {
          figures.push({
            group: GROUP,
            id: `browser.${page.key}.js-bytes`,
            label: `${page.label}: JavaScript before first interaction (${loaded.scripts} files, as transferred)`,
            value: loaded.jsBytes,
            unit: "bytes",
            better: "lower",
            budget: { limit: JS_BUDGET_BYTES, on: "value" },
          });
        }
      }
    }
    ctx.log("browser: Monaco and Pyodide");
    figures.push(...(await heavyParts(browser, ctx.server.url)));
  } finally {
    await browser.close();
  }
  ctx.log("browser: Lighthouse");
  const scores = await lighthouseScores(ctx.server.url + lesson.path);
  const note = "Lighthouse's mobile profile with simulated throttling, against localhost: no real network in between.";
  figures.push(
    { group: GROUP, id: "browser.lighthouse.performance", label: `Lighthouse performance, ${lesson.path}`, value: scores.performance, unit: "/100", better: "higher", note },
    { group: GROUP, id: "browser.lighthouse.accessibility", label: `Lighthouse accessibility, ${lesson.path}`, value: scores.accessibility, unit: "/100", better: "higher", note },
  );
  return figures;
}
