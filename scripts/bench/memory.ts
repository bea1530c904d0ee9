import { getCatalog } from "@/lib/content/catalog";
import type { BenchContext } from "./context";
import type { Figure } from "./figures";
import { load } from "./load";

// Measurement 6: the server's resident memory while it serves pages for two minutes (load phases of BENCH_SECONDS
// each, as many as make two minutes). Growth is the last quarter's mean against the mean of the quarter after the first (the warm-up: Next's
// caches fill and V8's heap grows in steps), so a server that settles passes and one that keeps what it renders fails.

const GROUP = "Memory";
const RUN_SECONDS = 120;
const SAMPLE_MS = 1000;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export async function measureMemory(ctx: BenchContext, idleKiB: number): Promise<Figure[]> {
  const lessons = getCatalog().lessons.map((lesson) => `/learn/${lesson.id}`);
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(ctx.server.rssKiB() / 1024), SAMPLE_MS);
  try {
    const phases = Math.ceil(RUN_SECONDS / ctx.seconds);
    for (let phase = 0; phase < phases; phase++) {
      // Every lesson page in turn, so every page's render and payload is in play, not one cached answer.
      const page = lessons[phase % lessons.length]!;
      ctx.log(`memory: phase ${phase + 1}/${phases} on ${page}`);
      const result = await load(ctx.server.url + page, { connections: 20, seconds: ctx.seconds, headers: { "accept-encoding": "gzip, br" } });
      if (result.failures) throw new Error(`${page}: ${result.failures} of ${result.requests} requests failed`);
    }
  } finally {
    clearInterval(timer);
  }
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const settled = mean(samples.slice(quarter, 2 * quarter));
  const end = mean(samples.slice(-quarter));
  const idle = idleKiB / 1024;
  return [
    { group: GROUP, id: "memory.idle", label: "RSS idle, after start", value: idle, unit: "MiB", better: "lower" },
    { group: GROUP, id: "memory.warm", label: "RSS after warm-up (2nd quarter of the run)", value: settled, unit: "MiB", better: "lower", baseline: { label: "idle", value: idle } },
    { group: GROUP, id: "memory.peak", label: `RSS peak under load (${RUN_SECONDS} s of pages, 20 connections)`, value: Math.max(...samples), unit: "MiB", better: "lower", baseline: { label: "idle", value: idle } },
    {
      group: GROUP, id: "memory.growth", label: "RSS growth: last quarter against the second", value: end, unit: "MiB", better: "lower",
      baseline: { label: "second quarter", value: settled }, budget: { limit: 1.1, on: "ratio" },
    },
  ];
}
