import type { CodeLanguage } from "@/lib/course/vocabulary";

// The one rule for where a program runs: in the learner's browser when it can, on the server (POST /api/run)
// when it needs something only the server has. Pure, so the page, the tests and health all read the same rule.

/** Python web frameworks from Debian's packages on the server (Pyodide's copies are not served to the browser). */
export const PYTHON_FRAMEWORKS = ["fastapi", "starlette", "pydantic", "flask", "django", "uvicorn", "httpx", "sqlalchemy", "aiohttp"] as const;

/**
 * Python modules the browser's Pyodide cannot give: the frameworks, sqlite3 (an unvendored Pyodide package that the
 * app does not serve), and what needs an OS (threads, processes, sockets).
 */
export const PYTHON_SERVER_MODULES = [
  ...PYTHON_FRAMEWORKS,
  "sqlite3",
  "threading",
  "multiprocessing",
  "subprocess",
  "socket",
  "socketserver",
  "http.server",
  "concurrent.futures",
] as const;

// `import type` disappears before the program runs, so it never needs anything.
const TYPE_ONLY = /\b(?:import|export)\s+type\s[^"'`]*?from\s*["'][^"']*["']/g;
const JS_SPECIFIERS = [
  /\b(?:import|export)\s[^"'`;]*?\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\b(?:import|require)\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
];
const PYTHON_IMPORTS = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w.][\w., \t]*))/gm;

/**
 * A Web Worker loads modules by URL and cannot resolve a bare name, so any package or Node built-in (`fastify`,
 * `node:http`, `fs`) needs Node on the server. Relative paths and URLs would load in the browser.
 */
function jsNeedsServer(code: string): boolean {
  const source = code.replace(TYPE_ONLY, "");
  for (const pattern of JS_SPECIFIERS) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1]!;
      if (!/^(?:\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/|data:|blob:)/i.test(specifier)) return true;
    }
  }
  return false;
}

function pythonNeedsServer(code: string): boolean {
  const wanted = new Set<string>(PYTHON_SERVER_MODULES);
  for (const match of code.matchAll(PYTHON_IMPORTS)) {
    const modules = match[1] ? [match[1]] : match[2]!.split(",").map((part) => part.trim().split(/\s+/)[0]!);
    for (const name of modules) {
      // `import http.server` and `from concurrent.futures import …` name a module inside a package: try each prefix.
      const parts = name.split(".");
      if (parts.some((_, i) => wanted.has(parts.slice(0, i + 1).join(".")))) return true;
    }
  }
  return false;
}

/** Where a program runs: shown next to the Run button, and followed by the page when it runs the program. */
export function engineFor(language: CodeLanguage, code = ""): "browser" | "server" {
  switch (language) {
    case "javascript":
    case "typescript":
      return jsNeedsServer(code) ? "server" : "browser";
    case "python":
      return pythonNeedsServer(code) ? "server" : "browser";
    default:
      return "server";
  }
}
