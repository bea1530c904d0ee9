import "server-only";
import { transform } from "sucrase";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import type { SandboxBind, SandboxFile } from "./bwrap";
import { WORK_DIR } from "./bwrap";
import { SANDBOX_NODE_MODULES } from "./node-packages";
import { GO_MODULE_FILE, goEnv, goPackageDir, type Toolchains } from "./toolchains";

export type LanguagePlan = {
  files: SandboxFile[];
  compile?: string[];
  run: string[];
  env: Record<string, string>;
  binds: SandboxBind[];
  /**
   * Compiled languages: the file the compile step writes and the run step executes (in WORK_DIR), and the
   * toolchain's identity, which with the files, the compile command and the environment decides that file.
   */
  build?: { artifact: string; toolchain: string };
};

const BASE_ENV = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: WORK_DIR, TMPDIR: "/tmp", LANG: "C.UTF-8" };
const GO_CACHE_RO = "/opt/gocache";
const GO_PATH = "/tmp/gopath";
const RUST_SYSROOT = "/opt/rust";
const RUST_DEPS = "/opt/rustdeps";

export class CompileError extends Error {}

function nodeBinds(toolchains: Toolchains): SandboxBind[] {
  return toolchains.nodePackages ? [{ source: toolchains.nodePackages.dir, dest: SANDBOX_NODE_MODULES }] : [];
}

function nodeArgs(file: string): string[] {
  // Lessons write both CommonJS and ES modules; detection picks per file, and the warning about it is noise.
  // V8 reserves about 10 GiB of address space per WebAssembly memory for its trap handler, far above the run's
  // address-space limit; undici parses HTTP in WebAssembly, so without this flag fetch() and Response bodies fail.
  return [
    "/usr/bin/node",
    "--experimental-detect-module",
    "--disable-warning=ExperimentalWarning",
    "--disable-wasm-trap-handler",
    "--max-old-space-size=256",
    file,
  ];
}

/** What to put in the sandbox and run there for one language, or an error the learner should read. */
export function planFor(language: CodeLanguage, code: string, toolchains: Toolchains): LanguagePlan {
  switch (language) {
    case "javascript":
      return { files: [{ path: "main.js", content: code }], run: nodeArgs("main.js"), env: BASE_ENV, binds: nodeBinds(toolchains) };
    case "typescript": {
      // Types are erased on the server with sucrase (no type checking, as in the browser engine); imports stay ESM.
      let js: string;
      try {
        js = transform(code, { transforms: ["typescript"], filePath: "main.ts", disableESTransforms: true }).code;
      } catch (error) {
        throw new CompileError(error instanceof Error ? error.message : String(error));
      }
      return { files: [{ path: "main.js", content: js }], run: nodeArgs("main.js"), env: BASE_ENV, binds: nodeBinds(toolchains) };
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
      const dir = goPackageDir(GO_PATH);
      // The warmed cache is mounted read-only; go needs a writable one, so each run starts from a tmpfs tree of
      // symlinks to it (cp -rs): go reads the warm entries through the links and writes new ones beside them. A full
      // copy took ~40 ms and 36 MiB of the run's memory; the links take ~8 ms.
      // The sources move into a GOPATH package with a go.mod (see goEnv) and the binary comes back here. Without
      // DWARF (-s -w) the link takes about a third less time; panics still name file and line (from pclntab).
      const build = `mkdir -p ${dir} && cp go.mod *.go ${dir}/ && cp -rs ${GO_CACHE_RO} /tmp/gocache && cd ${dir} && exec go build -ldflags="-s -w" -o ${WORK_DIR}/prog .`;
      return {
        files: [
          { path: "main.go", content: code },
          { path: "go.mod", content: GO_MODULE_FILE },
        ],
        compile: ["/bin/sh", "-c", build],
        run: ["./prog"],
        env: { ...BASE_ENV, ...goEnv(GO_PATH), GOCACHE: "/tmp/gocache", GOMAXPROCS: "2" },
        binds: [{ source: go.cache, dest: GO_CACHE_RO }],
        build: { artifact: "prog", toolchain: go.identity },
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
        build: { artifact: "prog", toolchain: rust.identity },
      };
    }
  }
}
