import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The npm packages learner code may import (fastify, hono, express, pino, zod, better-sqlite3): declared and pinned
// in runner/node/package.json + package-lock.json, installed by scripts/prepare.sh into runner/node/node_modules.
// The sandbox sees them read-only at /node_modules: Node looks there from /tmp/w/main.js both for require() and
// for ES module imports (which ignore NODE_PATH), so `import Fastify from "fastify"` works as in any project.

export const RUNNER_NODE_DIR = path.join(process.cwd(), "runner", "node");
export const SANDBOX_NODE_MODULES = "/node_modules";

export type InstalledNodePackages = {
  /** The installed node_modules folder on the host. */
  dir: string;
  /** Changes whenever prepare.sh installs a different set (it hashes package.json and the lock file). */
  stamp: string;
  /** The packages learners import by name, as declared in runner/node/package.json. */
  names: string[];
};

/** What prepare.sh installed, or an error saying how to install it. */
export function installedNodePackages(): InstalledNodePackages {
  const dir = path.join(RUNNER_NODE_DIR, "node_modules");
  const stampFile = path.join(dir, ".bp-stamp");
  if (!existsSync(stampFile)) throw new Error("the npm packages in runner/node are not installed (run scripts/prepare.sh)");
  const manifest = JSON.parse(readFileSync(path.join(RUNNER_NODE_DIR, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return { dir, stamp: readFileSync(stampFile, "utf8").trim(), names: Object.keys(manifest.dependencies ?? {}) };
}
