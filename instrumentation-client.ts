// Zod tests whether eval is allowed (`new Function("")`) the first time it parses an object, to compile faster
// parsers. The Content-Security-Policy forbids eval, so every page would report that probe as a violation; in the
// browser, parse without it. Runs before any of the app's own code.
//
// Set in the object zod keeps its configuration in (`globalThis.__zod_globalConfig`, which `z.config()` writes to and
// zod adopts when it loads later), not by importing zod: this file is part of every page's first load, and zod
// (~28 KB compressed) loads only with what validates something. tests/unit/zod-config.test.ts holds the two together.
type ZodGlobalConfig = { jitless?: boolean };
const holder = globalThis as { __zod_globalConfig?: ZodGlobalConfig };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;

export {};
