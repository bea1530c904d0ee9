import type { CodeLanguage } from "@/lib/course/vocabulary";
import type { RunOptions } from "./run-code";

// The program an exercise check runs: the learner's code, the exercise's harness, and the server's own reporting
// helper `__check(name, fn)`. The helper calls `fn`, and writes what it returned (as JSON) or the error it raised
// as one observation line with the check's nonce (see lib/grading/exercise.ts); it never decides pass or fail.
// The nonce arrives on stdin, so it is in no file the learner's code can read, and the helper takes it and its
// means of writing (Node's fs.writeSync, Python's os.write, Go's os.Stdout as it was) before any learner code runs:
// replacing console.log, print or os.Stdout afterwards does not touch the observations. In JavaScript and Python the
// helper is handed to the harness alone, set up before the learner's code runs and started after it, so the
// learner's code has no name to call it by; what in-process code can still do is listed in the README.

export type ExerciseProgram = { code: string; extraFiles?: RunOptions["extraFiles"] };

// One line, prepended to the learner's first line, so line numbers in the learner's errors stay theirs. The harness
// is a string evaluated by a direct eval inside the closure holding `check`: it sees the learner's module-level
// functions (they exist by the time __harness() runs, after the learner's code) and `__check`, which nothing else
// does. Values are serialised by hand, not by JSON.stringify, which would call a toJSON the learner's code added to
// Object.prototype.
function jsPrelude(harness: string): string {
  const source = JSON.stringify(`"use strict"; (async () => {\n${harness}\n})()`);
  return String.raw`
const __harness = ((fs, write, stringify, isArray, keys, run) => {
  "use strict";
  const nonce = fs.readFileSync(0, "utf8").trim();
  const data = (v) => {
    if (v === null || v === undefined) return "null";
    const type = typeof v;
    if (type === "string" || type === "boolean" || type === "number") return stringify(v);
    if (isArray(v)) { let out = "["; for (let i = 0; i < v.length; i++) out += (i ? "," : "") + data(v[i]); return out + "]"; }
    if (type === "object") { const k = keys(v); let out = "{"; for (let i = 0; i < k.length; i++) out += (i ? "," : "") + stringify(k[i]) + ":" + data(v[k[i]]); return out + "}"; }
    throw new TypeError("a " + type + " is not data");
  };
  const check = async (name, fn) => {
    let record;
    try {
      const value = await fn();
      try { record = "\"value\":" + data(value); }
      catch (error) { record = "\"error\":" + stringify("returned a value that cannot be reported (" + String(error && error.message) + ")"); }
    } catch (error) { record = "\"error\":" + stringify("threw " + (error instanceof Error ? error.name + ": " + error.message : String(error))); }
    write(1, "@@OBS\t" + nonce + "\t{\"test\":" + stringify(String(name)) + "," + record + "}\n");
  };
  let started = false;
  return () => { if (!started) { started = true; return run(check); } };
})(process.getBuiltinModule("node:fs"), process.getBuiltinModule("node:fs").writeSync, JSON.stringify, Array.isArray, Object.keys, (__check) => eval(${source}));
`.trim().replace(/\n\s*/g, " ");
}

// main.py: the harness (harness.py) is compiled and handed `__check` before the learner's code (solution.py) runs in
// main's namespace, and runs after it, so tracebacks keep the learner's own file name and line numbers.
const PY_MAIN = String.raw`
def __prelude():
    import json, os, sys

    nonce = sys.stdin.read().strip()
    write, dumps = os.write, json.dumps

    def check(name, fn):
        try:
            record = {"test": name, "value": fn()}
        except Exception as error:
            record = {"test": name, "error": f"raised {type(error).__name__}: {error}"}
        try:
            line = dumps(record, allow_nan=False)
        except (TypeError, ValueError) as error:
            line = dumps({"test": name, "error": f"returned a value that cannot be reported ({error})"})
        write(1, f"@@OBS\t{nonce}\t{line}\n".encode())

    with open("harness.py", encoding="utf-8") as source:
        harness = compile(source.read(), "harness.py", "exec")
    with open("solution.py", encoding="utf-8") as source:
        solution = source.read()
    started = []

    def run():
        if not started:
            started.append(True)
            exec(harness, {**globals(), "__check": check})

    return run, solution


__harness, __solution = __prelude()
del __prelude
exec(compile(__solution, "solution.py", "exec"))
del __solution
__harness()
`.trimStart();

// check.go: Go initialises package variables file by file in name order before any init(), and check.go sorts
// before harness.go and main.go, so the nonce is read and os.Stdout kept before the learner's code can run.
const GO_CHECK = String.raw`
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

var __out, __nonce = __prelude()

func __prelude() (*os.File, string) {
	nonce, _ := io.ReadAll(os.Stdin)
	return os.Stdout, strings.TrimSpace(string(nonce))
}

func __check(name string, fn func() any) {
	record := map[string]any{"test": name}
	func() {
		defer func() {
			if r := recover(); r != nil {
				record["error"] = fmt.Sprint("panicked: ", r)
			}
		}()
		record["value"] = fn()
	}()
	line, err := json.Marshal(record)
	if err != nil {
		line, _ = json.Marshal(map[string]any{"test": name, "error": "returned a value that cannot be reported (" + err.Error() + ")"})
	}
	__out.Write([]byte("@@OBS\t" + __nonce + "\t" + string(line) + "\n"))
}
`.trimStart();

// Appended with the harness. Rust runs nothing before main, so the nonce is read at the first __check, before the
// closure it was given runs; harnesses call the learner's code only inside __check. A __check made while another
// runs can only come from the learner's code, and is reported as such.
const RUST_CHECK = String.raw`
fn __check<T: serde::Serialize>(name: &str, f: impl FnOnce() -> T) {
    use std::io::{Read, Write};
    static NONCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    // Learner code runs only inside a harness call, so a call made while one is running is the learner's own.
    static BUSY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let nonce = NONCE.get_or_init(|| {
        let mut nonce = String::new();
        let _ = std::io::stdin().read_to_string(&mut nonce);
        nonce.trim().to_string()
    });
    let write = |record: serde_json::Value| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "@@OBS\t{nonce}\t{record}");
        let _ = out.flush();
    };
    if BUSY.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return write(serde_json::json!({ "test": name, "error": "was reported from inside another test's code" }));
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    BUSY.store(false, std::sync::atomic::Ordering::SeqCst);
    write(match outcome {
        Ok(value) => match serde_json::to_value(&value) {
            Ok(value) => serde_json::json!({ "test": name, "value": value }),
            Err(error) => serde_json::json!({ "test": name, "error": format!("returned a value that cannot be reported ({error})") }),
        },
        Err(panic) => {
            let message = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
            serde_json::json!({ "test": name, "error": format!("panicked: {}", message.unwrap_or_default()) })
        }
    });
}
`;

export function exerciseProgram(language: CodeLanguage, code: string, harness: string): ExerciseProgram {
  switch (language) {
    case "javascript":
    case "typescript":
      // The harness runs in an async function, so it may await without turning a CommonJS learner file into ESM.
      return { code: `${jsPrelude(harness)}${code}\n\n;__harness();\n` };
    case "python":
      return { code: PY_MAIN, extraFiles: [{ path: "solution.py", content: code }, { path: "harness.py", content: harness }] };
    case "go":
      return { code, extraFiles: [{ path: "check.go", content: GO_CHECK }, { path: "harness.go", content: harness }] };
    case "rust":
      return { code: `${code}\n\n${harness}\n${RUST_CHECK}` };
  }
}
