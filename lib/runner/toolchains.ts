import "server-only";
import { runCode } from "./run-code";
import { prepareIsolation, type IsolationReport } from "./sandbox/isolation";
import { prepareToolchains } from "./sandbox/toolchains";
import type { Language } from "./types";

export type RunnerStatus = { status: "available" } | { status: "unavailable"; reason: string };
export type RunnerLanguage = "javascript" | "python" | "go" | "rust";

// Health is measured, not assumed: each language runs a tiny program inside the real sandbox. The answer is cached
// so that polling /api/health cannot be used to keep the sandbox busy.
const PROBES: Record<RunnerLanguage, { code: string; expect: string }> = {
  javascript: { code: `console.log(6 * 7)`, expect: "42" },
  python: { code: `print(6 * 7)`, expect: "42" },
  go: { code: `package main\nimport "fmt"\nfunc main() { fmt.Println(6 * 7) }`, expect: "42" },
  rust: { code: `fn main() { println!("{}", 6 * 7); }`, expect: "42" },
};
const HEALTH_SLOT = 50;
const CACHE_MS = 5 * 60_000;
const WARMING_WAIT_MS = 2_000;

let cached: { at: number; value: Promise<Record<RunnerLanguage, RunnerStatus>> } | undefined;

async function probe(language: Language, code: string, expect: string): Promise<RunnerStatus> {
  try {
    const result = await runCode({ language, code }, { slot: HEALTH_SLOT });
    if (result.exitCode === 0 && result.stdout.trim() === expect) return { status: "available" };
    return { status: "unavailable", reason: (result.stderr.trim() || "the test program gave the wrong answer").slice(0, 300) };
  } catch (error) {
    return { status: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
}

async function measure(): Promise<Record<RunnerLanguage, RunnerStatus>> {
  const languages = Object.keys(PROBES) as RunnerLanguage[];
  const statuses: RunnerStatus[] = [];
  // One after another: health must never take both cores away from learners.
  for (const language of languages) statuses.push(await probe(language, PROBES[language].code, PROBES[language].expect));
  return Object.fromEntries(languages.map((language, i) => [language, statuses[i]!])) as Record<RunnerLanguage, RunnerStatus>;
}

/** Which languages can run on this server right now, and why not where they cannot. */
export async function runnerHealth(): Promise<Record<RunnerLanguage, RunnerStatus>> {
  const preparing = prepareToolchains();
  const ready = await Promise.race([preparing.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), WARMING_WAIT_MS))]);
  if (!ready) {
    const warming: RunnerStatus = { status: "unavailable", reason: "the build caches are still being prepared" };
    return { javascript: warming, python: warming, go: warming, rust: warming };
  }
  if (!cached || Date.now() - cached.at > CACHE_MS) cached = { at: Date.now(), value: measure() };
  return cached.value;
}

/** How well the sandbox is isolated on this host (cgroups, seccomp, user namespaces, tmpfs inodes), and why not fully. */
export async function sandboxIsolation(): Promise<IsolationReport> {
  return (await prepareIsolation()).report;
}
