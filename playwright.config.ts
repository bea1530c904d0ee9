import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// The same app in RUNNER_MODE=queue on PostgreSQL with a runner worker (scripts/e2e-queue-server.ts), for the specs
// that run code on the server: a learner's runs and checks must work the same through the job queue.
const QUEUE_PORT = PORT + 1;
const QUEUE_SPECS = [/-track\.spec\.ts$/, /run-progress\.spec\.ts$/, /lesson-exercise\.spec\.ts$/, /playground\.spec\.ts$/, /lab\.spec\.ts$/];
const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: results ? [["list"], ["json", { outputFile: path.join(results, "playwright.json") }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on this network.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "queue", testMatch: QUEUE_SPECS, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://localhost:${QUEUE_PORT}` } },
  ],
  webServer: [
    {
      // The production build on its own throwaway database, so end-to-end runs never touch a learner's data.
      command: `bash scripts/e2e-server.sh ${PORT}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `node --conditions=react-server --import tsx scripts/e2e-queue-server.ts ${QUEUE_PORT}`,
      url: `http://localhost:${QUEUE_PORT}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    },
  ],
});
