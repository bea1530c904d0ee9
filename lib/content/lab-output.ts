import { firstDifferentLine, normaliseOutput, type LineDifference } from "./examples";

// What the lab's programs print: deterministic lines, compared exactly, and one line with the program's own timing
// of its computation (`elapsed_ms=12.3`), which the page charts and the content check matches by pattern. Pure, so
// the page and the check read the line the same way.

/** How an expected output (lessons/_lab/<program>/expected.out) writes the timing line. */
export const TIMING_PLACEHOLDER = "elapsed_ms=<ms>";
const TIMING_LINE = /^elapsed_ms=(\d+(?:\.\d+)?)$/;

/** The program's own measurement in milliseconds, or undefined when it printed none (edited away, or stopped). */
export function elapsedMs(stdout: string): number | undefined {
  for (const line of normaliseOutput(stdout).split("\n")) {
    const match = TIMING_LINE.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The first line of `stdout` that does not fit `expected`, or undefined when all do. */
export function labOutputDifference(expected: string, stdout: string): LineDifference | undefined {
  return firstDifferentLine(normaliseOutput(expected), normaliseOutput(stdout), (want, got) =>
    want === TIMING_PLACEHOLDER ? TIMING_LINE.test(got) : want === got,
  );
}
