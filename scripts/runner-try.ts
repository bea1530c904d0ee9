// Runs one program through the server runner from the command line: `npx tsx scripts/runner-try.ts go < main.go`.
import { readFileSync } from "node:fs";
import { runCode } from "../lib/runner/run-code";
import { codeLanguageSchema } from "../lib/course/id-schemas";

const language = codeLanguageSchema.parse(process.argv[2]);
const code = readFileSync(0, "utf8");
const started = performance.now();
const result = await runCode({ language, code, stdin: process.env.STDIN });
console.log(JSON.stringify({ ...result, wallMs: Math.round(performance.now() - started) }, null, 2));
