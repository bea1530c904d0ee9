import type { ObservedValue, TestResult } from "@/lib/content/exercise-schema";
import type { CodeLanguage } from "@/lib/course/vocabulary";
import { forbiddenUses, type ForbiddenRule } from "./forbidden";

// Pure: the program's output and exit -> per-test results. The sandbox never holds a verdict: the harness reports,
// per test, an observation (what the learner's code returned, or the error it raised) on a line
//   @@OBS<TAB><nonce><TAB>{"test": <name>, "value": <JSON>}   or   {"test": <name>, "error": "<what went wrong>"}
// and the expectations, which only the server has, decide. Code that rewrites the harness's output can only change
// an observation into the right answer if it already knows that answer. A test observed twice fails: the harness
// observes each test once, so a second observation means other code reported it too.
// A wrong value comes back as both values with their types, so the page can say what differs (a number where text
// was expected, a missing key, a word spelt differently); code that uses an approach the exercise forbids fails.

export const OBSERVATION_MARKER = "@@OBS";

export type ExpectedTest = { name: string; expect?: unknown; what?: string };

export type GradeInput = {
  tests: ExpectedTest[];
  nonce: string;
  stdout: string;
  exitCode: number | null;
  timedOut: boolean;
  truncated: boolean;
  /** The learner's code and the exercise's forbidden approaches; without it nothing is forbidden. */
  source?: { language: CodeLanguage; code: string; forbidden: readonly ForbiddenRule[] };
};

/** `forbidden`: the reasons of the forbidden approaches the code uses; any one fails the check. */
export type Grade = { passed: boolean; tests: TestResult[]; stdout: string; forbidden: string[] };

/** A value as canonical JSON (object keys sorted), so equal values read the same whatever order a language wrote. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A JSON value's type, as a learner reads it: "text", "number", "list of 3", "object with keys a, b". */
export function typeOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return "text";
  if (typeof value === "number" || typeof value === "boolean") return typeof value;
  if (Array.isArray(value)) return value.length === 0 ? "empty list" : `list of ${value.length}`;
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return "empty object";
  const named = keys.slice(0, 5).join(", ") + (keys.length > 5 ? ", …" : "");
  return `object with ${keys.length === 1 ? "key" : "keys"} ${named}`;
}

/** `value`: canonical JSON, compared; `shown`: the JSON as the program wrote it, for the message; `type`: typeOf. */
type Observation = { value: string; shown: string; type: string } | { error: string };

function readRecord(text: string): { test: string; observation: Observation } | null {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return null;
  }
  if (!record || typeof record !== "object" || typeof (record as { test?: unknown }).test !== "string") return null;
  const { test, value, error } = record as { test: string; value?: unknown; error?: unknown };
  if (typeof error === "string") return { test, observation: { error } };
  if (!("value" in record)) return null;
  try {
    return { test, observation: { value: canonicalJson(value), shown: JSON.stringify(value), type: typeOf(value) } };
  } catch {
    // Nesting deep enough to exhaust the stack: the learner's value, not the grader's problem.
    return { test, observation: { error: "returned a value too deeply nested to compare" } };
  }
}

const TWICE: Observation = { error: "was reported more than once: only the exercise's harness reports tests" };

/** The observation per test, and the stdout the learner should see (observation lines taken out). */
export function readObservations(stdout: string, nonce: string): { observations: Map<string, Observation>; stdout: string } {
  const marker = `${OBSERVATION_MARKER}\t${nonce}\t`;
  const observations = new Map<string, Observation>();
  const kept: string[] = [];
  for (const line of stdout.split("\n")) {
    // A marker may follow output the learner printed without a newline; that output stays visible.
    const at = nonce ? line.indexOf(marker) : -1;
    if (at < 0) {
      kept.push(line);
      continue;
    }
    if (at > 0) kept.push(line.slice(0, at));
    const read = readRecord(line.slice(at + marker.length));
    if (read) observations.set(read.test, observations.has(read.test) ? TWICE : read.observation);
  }
  return { observations, stdout: kept.join("\n") };
}

const SHOWN_CHARS = 300;
const shown = (json: string) => (json.length > SHOWN_CHARS ? `${json.slice(0, SHOWN_CHARS)}…` : json);
/** Both values travel whole up to this size, enough to compare a page of text; beyond it they are cut. */
const COMPARED_CHARS = 4_000;
const compared = (json: string, type: string): ObservedValue =>
  json.length > COMPARED_CHARS ? { json: json.slice(0, COMPARED_CHARS), type, cut: true } : { json, type };

function judge(test: ExpectedTest, observation: Observation): TestResult {
  const prefix = test.what ? `${test.what}: ` : "";
  if ("error" in observation) return { name: test.name, passed: false, message: `${prefix}${observation.error}` };
  if (observation.value === canonicalJson(test.expect)) return { name: test.name, passed: true, message: "" };
  const expected = JSON.stringify(test.expect ?? null);
  return {
    name: test.name,
    passed: false,
    message: `${prefix}got ${shown(observation.shown)}, expected ${shown(expected)}`,
    ...(test.what ? { what: test.what } : {}),
    expected: compared(expected, typeOf(test.expect)),
    got: compared(observation.shown, observation.type),
  };
}

export function gradeExercise(input: GradeInput): Grade {
  const { observations, stdout } = readObservations(input.stdout, input.nonce);
  const missingReason = input.timedOut
    ? "Not run: the program was stopped at the time limit."
    : input.truncated
      ? "Not run: the program printed too much output."
      : input.exitCode !== 0
        ? "Not run: the program stopped with an error (see the errors below)."
        : "Not run.";
  const tests = input.tests.map((test) => {
    const observation = observations.get(test.name);
    return observation ? judge(test, observation) : { name: test.name, passed: false, message: missingReason };
  });
  const forbidden = input.source ? forbiddenUses(input.source.language, input.source.code, input.source.forbidden) : [];
  const passed = tests.length > 0 && tests.every((test) => test.passed) && !input.timedOut && forbidden.length === 0;
  return { passed, tests, stdout, forbidden };
}
