// Monaco's TypeScript/JavaScript language worker (completions and diagnostics), bundled locally.
import "monaco-editor/esm/vs/language/typescript/ts.worker";
