import { diffChars, diffLines } from "diff";
import type { ObservedValue } from "@/lib/content/exercise-schema";

// What a wrong exercise value differs in, for a learner: a sentence naming the difference (a number where text was
// expected, missing keys, a list too short) and the parts that differ, marked. Values arrive as the JSON the grader
// sent (lib/grading/exercise.ts); a value cut for size is compared as the text it is.

export type DiffPart = { text: string; kind: "same" | "extra" | "missing" };
export type ValueDifference = { why: string | null; parts: DiffPart[] | null; lines: boolean };

function read(value: ObservedValue): { ok: true; data: unknown } | { ok: false } {
  if (value.cut) return { ok: false };
  try {
    return { ok: true, data: JSON.parse(value.json) };
  } catch {
    return { ok: false };
  }
}

/** Keys sorted at every depth, two spaces per level: two values read alike wherever they are alike. */
export function pretty(data: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sorted(data), null, 2);
}

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "list" : typeof v);
const isObject = (v: unknown): v is Record<string, unknown> => kindOf(v) === "object";
const names = (keys: string[]) => keys.map((k) => JSON.stringify(k)).join(", ");

function whyDifferent(expected: unknown, got: unknown, types: { expected: string; got: string }): string | null {
  if (kindOf(expected) !== kindOf(got)) {
    const looksSame = typeof expected !== "object" && typeof got !== "object" && String(expected) === String(got);
    return `The types differ: expected ${types.expected}, got ${types.got}${looksSame ? ", though they print the same" : ""}.`;
  }
  if (isObject(expected) && isObject(got)) {
    const missing = Object.keys(expected).filter((k) => !Object.hasOwn(got, k));
    const extra = Object.keys(got).filter((k) => !Object.hasOwn(expected, k));
    const differing = Object.keys(expected).filter((k) => Object.hasOwn(got, k) && pretty(expected[k]) !== pretty(got[k]));
    const said = [
      missing.length > 0 && `missing ${missing.length === 1 ? "key" : "keys"} ${names(missing)}`,
      extra.length > 0 && `${extra.length === 1 ? "a key" : "keys"} not expected: ${names(extra)}`,
      differing.length > 0 && `a different value for ${names(differing)}`,
    ].filter(Boolean);
    return said.length > 0 ? `${said.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()) : null;
  }
  if (Array.isArray(expected) && Array.isArray(got)) {
    if (expected.length !== got.length) return `Expected ${expected.length} ${expected.length === 1 ? "item" : "items"}, got ${got.length}.`;
    const first = expected.findIndex((item, i) => pretty(item) !== pretty(got[i]));
    return first >= 0 ? `Item ${first + 1} differs first (counting from 1).` : null;
  }
  if (typeof expected === "string" && typeof got === "string") {
    if (expected.trim() === got.trim()) return "Only spaces or line breaks at the start or end differ.";
    if (expected.toLowerCase() === got.toLowerCase()) return "Only upper and lower case differ.";
  }
  return null;
}

/**
 * The difference between what a test expected and what the code gave. Text is compared character by character,
 * everything else line by line in its sorted, indented JSON; `extra` is in the learner's value only, `missing` in the
 * expected one only, so a learner reads the parts as "remove this, add that".
 */
export function valueDifference(expected: ObservedValue, got: ObservedValue): ValueDifference {
  const e = read(expected);
  const g = read(got);
  if (!e.ok || !g.ok) return { why: expected.type === got.type ? null : `The types differ: expected ${expected.type}, got ${got.type}.`, parts: null, lines: false };
  const why = whyDifferent(e.data, g.data, { expected: expected.type, got: got.type });
  const text = typeof e.data === "string" && typeof g.data === "string";
  const structured = kindOf(e.data) === kindOf(g.data) && typeof e.data === "object" && e.data !== null;
  if (!text && !structured) return { why, parts: null, lines: false };
  const changes = text ? diffChars(g.data as string, e.data as string) : diffLines(pretty(g.data), pretty(e.data));
  const parts = changes.map((c): DiffPart => ({ text: c.value, kind: c.added ? "missing" : c.removed ? "extra" : "same" }));
  return { why, parts, lines: !text };
}
