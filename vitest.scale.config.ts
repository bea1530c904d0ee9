import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// The "beyond one machine" test (tests/scale): its own PostgreSQL, two production app instances in RUNNER_MODE=queue
// and two runner workers. Separate from the unit and integration run because it needs the `next build` output and
// starts six processes; one file at a time, since each starts its own cluster and the machine has two cores.
export default mergeConfig(
  { resolve: base.resolve },
  defineConfig({
    test: {
      name: "scale",
      include: ["tests/scale/**/*.test.ts"],
      environment: "node",
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 240_000,
    },
  }),
);
