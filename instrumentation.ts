// Warms the runner's build caches (Go and Rust libraries) and finds out how far the sandbox can be
// isolated here (cgroups, seccomp) when the server starts, so the first learner to press Run does not wait for them;
// until each language's cache is ready, /api/health says that runner is "preparing".
// Failures only make /api/health report the language as unavailable, or the isolation as degraded and why.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Parsed here first, so a mistyped RUNNER_* value stops the server at start rather than on a learner's first run.
  const { runnerSettings } = await import("./lib/runner/settings");
  const settings = runnerSettings();
  if (settings.mode === "queue") {
    // This instance only sends runs (the workers warm their own caches); queue mode without PostgreSQL stops it here.
    const { queuePool, runnerBoss } = await import("./lib/runner/jobs/boss");
    queuePool();
    void runnerBoss().catch((error: unknown) => console.warn("runner: the job queue is not reachable yet", error));
    return;
  }
  if (!settings.warmAtStart) return;
  const { prepareToolchains } = await import("./lib/runner/sandbox/toolchains");
  const { prepareIsolation } = await import("./lib/runner/sandbox/isolation");
  const started = performance.now();
  void prepareToolchains().then((toolchains) => {
    console.log(`runner: build caches ready in ${Math.round(performance.now() - started)} ms`);
    const problems = Object.entries(toolchains.problems);
    if (problems.length) console.warn("runner: some languages are unavailable", Object.fromEntries(problems));
  });
  void prepareIsolation().then(({ report }) => {
    if (report.level === "degraded") console.warn("runner: the sandbox's isolation is degraded", report.reasons);
  });
}
