import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:soak`: the production server under simulated learners (tests/soak). Separate from `npm test`'s Vitest
// run because it needs the `next build` output and minutes rather than seconds; one file at a time, since each
// starts its own server and the machine has two cores.
export default mergeConfig(
  { resolve: base.resolve },
  defineConfig({
    test: {
      name: "soak",
      include: ["tests/soak/**/*.test.ts"],
      environment: "node",
      globalSetup: ["tests/support/postgres-global-setup.ts"],
      fileParallelism: false,
      testTimeout: 240_000,
      hookTimeout: 120_000,
    },
  }),
);
