import { describe, expect, it } from "vitest";
import { trimTraceback } from "@/lib/runner/browser/traceback";

// As Pyodide 0.29 reports an exception raised by a learner's program run with runPythonAsync.
const PYODIDE = `Traceback (most recent call last):
  File "/lib/python313.zip/_pyodide/_base.py", line 597, in eval_code_async
    await CodeRunner(
    ...<9 lines>...
    .run_async(globals, locals)
  File "/lib/python313.zip/_pyodide/_base.py", line 411, in run_async
    coroutine = eval(self.code, globals, locals)
  File "<exec>", line 5, in <module>
    total = average([])
  File "<exec>", line 2, in average
    return sum(xs) / len(xs)
           ~~~~~~~~^~~~~~~~~
ZeroDivisionError: division by zero
`;

describe("trimTraceback", () => {
  it("drops Pyodide's own frames and keeps the learner's, with their source lines and markers", () => {
    expect(trimTraceback(PYODIDE)).toBe(`Traceback (most recent call last):
  File "<exec>", line 5, in <module>
    total = average([])
  File "<exec>", line 2, in average
    return sum(xs) / len(xs)
           ~~~~~~~~^~~~~~~~~
ZeroDivisionError: division by zero
`);
  });

  it("keeps standard library frames, as CPython shows them", () => {
    const text = `Traceback (most recent call last):
  File "/lib/python313.zip/_pyodide/_base.py", line 411, in run_async
    coroutine = eval(self.code, globals, locals)
  File "<exec>", line 2, in <module>
    json.loads("{")
  File "/lib/python313.zip/json/__init__.py", line 346, in loads
    return _default_decoder.decode(s)
json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)`;
    expect(trimTraceback(text)).toBe(text.replace(/ {2}File "\/lib\/python313\.zip\/_pyodide[^\n]*\n[^\n]*\n/, ""));
  });

  it("leaves text that is not a traceback alone", () => {
    expect(trimTraceback("  File names are hard\nplain error")).toBe("  File names are hard\nplain error");
    expect(trimTraceback("")).toBe("");
  });
});
