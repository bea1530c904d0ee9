// Monaco's TypeScript/JavaScript language worker (completions and diagnostics), bundled locally.
import "monaco-editor/language/typescript/ts.worker";
