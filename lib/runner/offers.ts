import { z } from "zod";
import { SANDBOX_NODE_MODULES } from "./sandbox/node-packages";
import { PYTHON_FRAMEWORKS } from "./where-code-runs";

// What a runner offers (its language version, and each framework a program may import, with its version), as
// seen from inside the sandbox: the probe imports every framework there, so a listed one is one that loads.

export const offerSchema = z.object({ version: z.string(), frameworks: z.record(z.string(), z.string()) });
export type Offer = z.infer<typeof offerSchema>;

export type OfferLanguage = "javascript" | "python";

/** A program that imports every framework and prints the runner's offer as one JSON line. */
export function offerProbe(language: OfferLanguage, nodePackages: readonly string[]): string {
  if (language === "javascript") {
    return `import { readFileSync } from "node:fs";
const frameworks = {};
for (const name of ${JSON.stringify(nodePackages)}) {
  await import(name);
  frameworks[name] = JSON.parse(readFileSync(\`${SANDBOX_NODE_MODULES}/\${name}/package.json\`, "utf8")).version;
}
console.log(JSON.stringify({ version: process.versions.node, frameworks }));
`;
  }
  return `import importlib, importlib.metadata, json, sys
names = ${JSON.stringify(PYTHON_FRAMEWORKS)}
for name in names:
    importlib.import_module(name)
print(json.dumps({"version": sys.version.split()[0], "frameworks": {name: importlib.metadata.version(name) for name in names}}))
`;
}

export function readOffer(stdout: string): Offer | undefined {
  try {
    const parsed = offerSchema.safeParse(JSON.parse(stdout.trim()));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
