import "server-only";
import { offerProbe, readOffer, type Offer, type OfferLanguage } from "./offers";
import { runCode } from "./run-code";
import { prepareIsolation, type IsolationReport } from "./sandbox/isolation";
import { prepareToolchains, preparingSince, typicalBuildSeconds } from "./sandbox/toolchains";
import { CODE_LANGUAGES, type CodeLanguage } from "@/lib/course/vocabulary";

/** Available runners say what they offer where a probe reports it (language version, frameworks with versions). */
export type RunnerStatus =
  | ({ status: "available" } & Partial<Offer> & { note?: string })
  | { status: "preparing"; reason: string; since: string; typicalSeconds: number }
  | { status: "unavailable"; reason: string };
/** TypeScript runs on the JavaScript runner (types stripped), so it has no health of its own. */
export type RunnerLanguage = Exclude<CodeLanguage, "typescript">;

// Health is measured, not assumed: each language runs a tiny program inside the real sandbox. The answer is cached
// so that polling /api/health cannot be used to keep the sandbox busy.
const PROBES: Record<Exclude<RunnerLanguage, OfferLanguage>, { code: string; expect: string }> = {
  go: { code: `package main\nimport "fmt"\nfunc main() { fmt.Println(6 * 7) }`, expect: "42" },
  rust: { code: `fn main() { println!("{}", 6 * 7); }`, expect: "42" },
};
const RUNNERS = CODE_LANGUAGES.filter((l): l is RunnerLanguage => l !== "typescript");
const HEALTH_SLOT = 50;
const CACHE_MS = 5 * 60_000;
const PREPARING_REASONS: Record<"go" | "rust", string> = {
  go: "building the Go libraries into the build cache (first start only)",
  rust: "building the Rust crates into the build cache (first start only)",
};

/** "preparing", with when it started and how long it took here last time, so the page can say how long is left. */
function preparingStatus(language: "go" | "rust", since: number): RunnerStatus {
  return { status: "preparing", reason: PREPARING_REASONS[language], since: new Date(since).toISOString(), typicalSeconds: typicalBuildSeconds(language) };
}

const cached: Partial<Record<RunnerLanguage, { at: number; value: Promise<RunnerStatus> }>> = {};

async function probe(language: CodeLanguage, code: string, accept: (stdout: string) => Partial<Offer> | undefined): Promise<RunnerStatus> {
  try {
    const result = await runCode({ language, code }, { slot: HEALTH_SLOT });
    const offer = result.exitCode === 0 ? accept(result.stdout) : undefined;
    if (offer) return { status: "available", ...offer };
    return { status: "unavailable", reason: (result.stderr.trim() || "the test program gave the wrong answer").slice(0, 300) };
  } catch (error) {
    return { status: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
}

async function measureOne(language: RunnerLanguage): Promise<RunnerStatus> {
  if (language === "javascript" || language === "python") {
    const toolchains = await prepareToolchains(language);
    const status = await probe(language, offerProbe(language, toolchains.nodePackages?.names ?? []), readOffer);
    const note = language === "javascript" ? toolchains.problems.nodePackages : undefined;
    return note && status.status === "available" ? { ...status, note } : status;
  }
  const { code, expect } = PROBES[language];
  return probe(language, code, (stdout) => (stdout.trim() === expect ? {} : undefined));
}

/**
 * Which languages can run on this server right now, and why not where they cannot. Go and Rust say "preparing"
 * while their build caches are built (minutes on a first start) and are probed only once ready, so a runner is
 * reported available only when a learner's first run will not wait for its cache.
 */
export async function runnerHealth(): Promise<Record<RunnerLanguage, RunnerStatus>> {
  // Starts the warming if the server started without it (RUNNER_WARM_AT_START=0); health never waits for it.
  void prepareToolchains();
  const statuses = {} as Record<RunnerLanguage, RunnerStatus>;
  // One after another: health must never take both cores away from learners.
  for (const language of RUNNERS) {
    if (language === "go" || language === "rust") {
      const since = preparingSince(language);
      if (since !== undefined) {
        statuses[language] = preparingStatus(language, since);
        continue;
      }
    }
    let entry = cached[language];
    if (!entry || Date.now() - entry.at > CACHE_MS) {
      entry = { at: Date.now(), value: measureOne(language) };
      cached[language] = entry;
    }
    statuses[language] = await entry.value;
  }
  return statuses;
}

/** How well the sandbox is isolated on this host (cgroups, seccomp, user namespaces, tmpfs inodes), and why not fully. */
export async function sandboxIsolation(): Promise<IsolationReport> {
  return (await prepareIsolation()).report;
}
