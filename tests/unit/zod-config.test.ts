import { expect, it } from "vitest";

// instrumentation-client.ts turns zod's eval probe off in the browser without importing zod (it is on every page's
// first load; zod is not): it writes the global object zod keeps its configuration in. If zod stopped reading it,
// pages would report CSP violations again, so this holds the two together.

it("the browser's zod configuration reaches zod, loaded before or after it", async () => {
  await import("@/instrumentation-client");
  const { z } = await import("zod");
  const { globalConfig } = await import("zod/v4/core");
  expect(globalConfig.jitless).toBe(true);
  expect(z.config().jitless).toBe(true);
});
