import "server-only";
import { transform } from "sucrase";
import type { Language } from "../types";
import type { SandboxBind, SandboxFile } from "./bwrap";
import { WORK_DIR } from "./bwrap";
import { GO_ENV, type Toolchains } from "./toolchains";

export type LanguagePlan = {
  files: SandboxFile[];
  compile?: string[];
  run: string[];
  env: Record<string, string>;
  binds: SandboxBind[];
};

const BASE_ENV = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: WORK_DIR, TMPDIR: "/tmp", LANG: "C.UTF-8" };
const GO_CACHE_RO = "/opt/gocache";
const RUST_SYSROOT = "/opt/rust";
const RUST_DEPS = "/opt/rustdeps";

export class CompileError extends Error {}

function nodeArgs(file: string): string[] {
  // Lessons write both CommonJS and ES modules; detection picks per file, and the warning about it is noise.
  return ["/usr/bin/node", "--experimental-detect-module", "--disable-warning=ExperimentalWarning", "--max-old-space-size=256", file];
}

/** What to put in the sandbox and run there for one language, or an error the learner should read. */
export function planFor(language: Language, code: string, toolchains: Toolchains): LanguagePlan {
  switch (language) {
    case "javascript":
      return { files: [{ path: "main.js", content: code }], run: nodeArgs("main.js"), env: BASE_ENV, binds: [] };
    case "typescript": {
      // Types are erased on the server with sucrase (no type checking, as in the browser engine); imports stay ESM.
      let js: string;
      try {
        js = transform(code, { transforms: ["typescript"], filePath: "main.ts", disableESTransforms: true }).code;
      } catch (error) {
        throw new CompileError(error instanceof Error ? error.message : String(error));
      }
      return { files: [{ path: "main.js", content: js }], run: nodeArgs("main.js"), env: BASE_ENV, binds: [] };
    }
    case "python":
      return {
        files: [{ path: "main.py", content: code }],
        // -I ignores every PYTHON* variable, so unbuffered output (what was printed before a timeout) needs -u.
        run: ["/usr/bin/python3", "-I", "-B", "-u", "main.py"],
        env: BASE_ENV,
        binds: [],
      };
    case "go": {
      const go = toolchains.go!;
      // The warmed cache is mounted read-only; go needs a writable one, so each run starts from a tmpfs copy of it.
      return {
        files: [{ path: "main.go", content: code }],
        compile: ["/bin/sh", "-c", `cp -r ${GO_CACHE_RO} /tmp/gocache && exec go build -o prog .`],
        run: ["./prog"],
        env: { ...BASE_ENV, ...GO_ENV, GOCACHE: "/tmp/gocache", GOMAXPROCS: "2" },
        binds: [{ source: go.cache, dest: GO_CACHE_RO }],
      };
    }
    case "rust": {
      const rust = toolchains.rust!;
      const externs = Object.entries(rust.externs).flatMap(([name, file]) => ["--extern", `${name}=${RUST_DEPS}/${file}`]);
      return {
        files: [{ path: "main.rs", content: code }],
        compile: [`${RUST_SYSROOT}/bin/rustc`, "--edition", "2021", "-C", "debuginfo=0", "-o", "prog", "-L", `dependency=${RUST_DEPS}`, ...externs, "main.rs"],
        run: ["./prog"],
        env: { ...BASE_ENV, PATH: `${RUST_SYSROOT}/bin:${BASE_ENV.PATH}`, RUST_BACKTRACE: "0" },
        binds: [
          { source: rust.sysroot, dest: RUST_SYSROOT },
          { source: rust.deps, dest: RUST_DEPS },
        ],
      };
    }
  }
}
