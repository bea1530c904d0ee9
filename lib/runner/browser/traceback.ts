// Pyodide runs the learner's program through its own Python code (_pyodide._base: eval_code_async, CodeRunner), so a
// traceback starts with frames the learner never wrote. They are dropped; the learner's frames ("<exec>") and the
// standard library's stay, as CPython would show them. Text that is not a traceback is returned as it came.

const FRAME = /^ {2}File "([^"]*)", line \d+/;
const INTERNAL = /\/_pyodide\/|\/pyodide\//;

export function trimTraceback(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    const frame = FRAME.exec(line);
    if (frame) dropping = INTERNAL.test(frame[1]!);
    // A frame's source line and its ^^^ markers are indented further; anything less indented ends the frame.
    else if (!line.startsWith("    ")) dropping = false;
    if (!dropping) kept.push(line);
  }
  return kept.join("\n");
}
