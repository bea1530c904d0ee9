// Measures the server runner: cold (first run after the caches are prepared: nothing of this program cached) and
// warm run latency per language, and queue throughput with concurrent short programs.
import { createRunQueue } from "../../lib/runner/queue";
import { runCode } from "../../lib/runner/run-code";
import { prepareToolchains } from "../../lib/runner/sandbox/toolchains";
import { runnerSettings } from "../../lib/runner/settings";
import { CODE_LANGUAGES, type CodeLanguage } from "../../lib/course/vocabulary";

const HELLO: Record<CodeLanguage, string> = {
  javascript: `console.log("hi")`,
  typescript: `const n: number = 1; console.log("hi", n)`,
  python: `print("hi")`,
  go: `package main\nimport "fmt"\nfunc main() { fmt.Println("hi") }`,
  rust: `fn main() { println!("hi"); }`,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(language: CodeLanguage, code: string): Promise<number> {
  const started = performance.now();
  const result = await runCode({ language, code });
  if (result.exitCode !== 0) throw new Error(`${language} failed: ${result.stderr}`);
  return performance.now() - started;
}

export async function benchRunner(): Promise<void> {
  const prepareStarted = performance.now();
  await prepareToolchains();
  console.log(`toolchains ready in ${Math.round(performance.now() - prepareStarted)} ms (cached across restarts)\n`);
  const rows: Array<{ language: string; coldMs: number; warmMedianMs: number; warmMinMs: number }> = [];
  for (const language of CODE_LANGUAGES) {
    // A unique comment makes the first program new to every cache below the toolchain's own.
    const cold = await timed(language, `${HELLO[language]}\n${language === "python" ? "#" : "//"} ${Date.now()}`);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await timed(language, HELLO[language]));
    rows.push({ language, coldMs: Math.round(cold), warmMedianMs: Math.round(median(warm)), warmMinMs: Math.round(Math.min(...warm)) });
  }
  console.table(rows);

  // One client allowed every slot: this measures the machine's throughput, not the per-client cap.
  const { concurrency } = runnerSettings();
  const queue = createRunQueue({ concurrency, maxWaiting: 100, perClient: concurrency });
  for (const language of ["python", "go"] as const) {
    const jobs = 12;
    const started = performance.now();
    await Promise.all(Array.from({ length: jobs }, () => queue.run("bench", (slot) => runCode({ language, code: HELLO[language] }, { slot }))));
    const seconds = (performance.now() - started) / 1000;
    console.log(`queue throughput (${language}, ${jobs} runs, ${queue.stats().concurrency} at once): ${(jobs / seconds).toFixed(1)} runs/s`);
  }
}
