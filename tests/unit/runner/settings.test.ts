import { afterEach, describe, expect, it, vi } from "vitest";
import { parseRunnerSettings, runnerSettings } from "@/lib/runner/settings";

describe("parseRunnerSettings", () => {
  it("gives the documented defaults when nothing is set, and for empty values", () => {
    const defaults = parseRunnerSettings({ RUNNER_CACHE_DIR: "/cache" });
    expect(defaults).toEqual({
      mode: "inline",
      concurrency: 2,
      perClient: 1,
      queueSize: 8,
      ratePerMinute: 30,
      cacheDir: "/cache",
      buildCacheMb: 256,
      warmAtStart: true,
      cgroups: true,
      uidBase: 64000,
      compileWallSeconds: 30,
      wallSeconds: 10,
      cpuSeconds: 5,
      memoryMb: 1280,
      groupMemoryMb: 512,
      groupCpus: 1,
      outputKb: 128,
    });
    expect(parseRunnerSettings({ RUNNER_CACHE_DIR: "/cache", RUNNER_CONCURRENCY: " ", RUNNER_WARM_AT_START: "" })).toEqual(defaults);
  });

  it("reads every variable under its own name", () => {
    const settings = parseRunnerSettings({
      RUNNER_MODE: "queue",
      RUNNER_CONCURRENCY: "4",
      RUNNER_PER_CLIENT: "2",
      RUNNER_QUEUE_SIZE: "100000",
      RUNNER_RATE_PER_MINUTE: "20",
      RUNNER_CACHE_DIR: "/var/tmp/runner",
      RUNNER_BUILD_CACHE_MB: "0",
      RUNNER_WARM_AT_START: "0",
      RUNNER_CGROUPS: "0",
      RUNNER_UID_BASE: "64500",
      RUNNER_COMPILE_WALL_SECONDS: "8",
      RUNNER_WALL_SECONDS: "2.5",
      RUNNER_CPU_SECONDS: "1",
      RUNNER_MEMORY_MB: "2048",
      RUNNER_GROUP_MEMORY_MB: "256",
      RUNNER_GROUP_CPUS: "0.5",
      RUNNER_OUTPUT_KB: "64",
    });
    expect(settings).toEqual({
      mode: "queue",
      concurrency: 4,
      perClient: 2,
      queueSize: 100000,
      ratePerMinute: 20,
      cacheDir: "/var/tmp/runner",
      buildCacheMb: 0,
      warmAtStart: false,
      cgroups: false,
      uidBase: 64500,
      compileWallSeconds: 8,
      wallSeconds: 2.5,
      cpuSeconds: 1,
      memoryMb: 2048,
      groupMemoryMb: 256,
      groupCpus: 0.5,
      outputKb: 64,
    });
  });

  it.each([
    [{ RUNNER_CONCURRENCY: "two" }, 'RUNNER_CONCURRENCY="two" must be a number'],
    [{ RUNNER_MODE: "workers" }, 'RUNNER_MODE="workers" must be "inline" or "queue"'],
    [{ RUNNER_QUEUE_SIZE: "0" }, 'RUNNER_QUEUE_SIZE="0" must be 1 or more'],
    [{ RUNNER_BUILD_CACHE_MB: "-1" }, 'RUNNER_BUILD_CACHE_MB="-1" must be 0 or more'],
    [{ RUNNER_PER_CLIENT: "1.5" }, 'RUNNER_PER_CLIENT="1.5" must be a whole number'],
    [{ RUNNER_WALL_SECONDS: "-1" }, 'RUNNER_WALL_SECONDS="-1" must be more than 0'],
    [{ RUNNER_CGROUPS: "off" }, 'RUNNER_CGROUPS="off" must be "0" (off) or "1" (on)'],
    [{ RUNNER_CACHE_DIR: "cache" }, 'RUNNER_CACHE_DIR="cache" must be an absolute path'],
  ])("refuses %j, naming the variable and what it accepts", (env, message) => {
    expect(() => parseRunnerSettings(env)).toThrow(`Invalid runner setting: ${message} (lib/runner/settings.ts lists every setting and its default)`);
  });
});

describe("runnerSettings", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("follows process.env when a value changes, as scripts and tests set them after import", () => {
    vi.stubEnv("RUNNER_WALL_SECONDS", "3");
    expect(runnerSettings().wallSeconds).toBe(3);
    vi.stubEnv("RUNNER_WALL_SECONDS", "1");
    expect(runnerSettings().wallSeconds).toBe(1);
  });
});
