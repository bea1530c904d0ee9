import { z } from "zod";

// Zod tests whether eval is allowed (`new Function("")`) the first time it parses an object, to compile faster
// parsers. The Content-Security-Policy forbids eval, so every page would report that probe as a violation; in the
// browser, parse without it. Runs before any of the app's own code.
z.config({ jitless: true });
