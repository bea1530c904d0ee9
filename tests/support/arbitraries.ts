import fc from "fast-check";

// The bad input a client can send, as fast-check arbitraries: what crawlers, fuzzers, old browsers and broken clients
// put in bodies, path segments and query strings. Each arbitrary leans towards the cases that break servers (odd
// Unicode, enormous numbers, deep nesting, megabytes) rather than uniformly random noise.

const MB = 1024 * 1024;

/** Strings that have broken parsers, databases and loggers: lone surrogates, NUL, direction marks, emoji, "overlong" look-alikes. */
export const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF\uD800",
  "\u202E\u202Dabc\u200F",
  "\uFEFF",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "\u00C0\u00AF", // what an overlong "/" (C0 AF) looks like when decoded as Latin-1
  "\uFFFD\uFFFE\uFFFF",
  "e\u0301\u0301\u0301",
  "../../etc/passwd",
  "%00",
  "%E0%A4%A",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "node/99-no-such-lesson",
  "python/01-no-such/exercise",
];

const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  // Long enough to pass any per-field limit (none is over 64 KiB) without building megabytes each run.
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(10_001), "é".repeat(70_000)) },
);

/** Numbers at the edges, and numbers written as strings (JSON has no NaN or Infinity; clients send them as text). */
const oddNumber: fc.Arbitrary<number | string> = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, -1, 0.5, 2 ** 53 + 1, -(2 ** 53) - 1, Number.MIN_VALUE, 4294967296, 86401),
  fc.constantFrom("NaN", "Infinity", "-0", "1e308", "2", ""),
  fc.double(),
  fc.integer(),
);

/** Any value in a field's place: a wrong type, an odd string or number, a nested structure. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  oddNumber,
  fc.constantFrom(null, true, false, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(oddString, { maxLength: 5 }),
  fc.dictionary(oddString, oddString, { maxKeys: 5 }),
);

/** Raw JSON number literals JSON.stringify cannot write: 1e999 parses as Infinity, -0 as minus zero. */
const RAW_NUMBERS = ["1e999", "-1e999", "-0", "1e-400", "9007199254740993", "0.0000000000000000000001e30"];

type Json = Record<string, unknown>;

/** The paths of a sample's fields, nested objects included: [["answers"], ["answers", "background"], ...]. */
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [[...prefix, key], ...fieldPaths(inner, [...prefix, key])]);
}

/** A deep copy of `sample` with the field at `path` replaced (or removed, when `value` is `remove`). */
function withField(sample: Json, path: string[], value: unknown, remove = false): Json {
  const copy = structuredClone(sample);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/**
 * JSON text near a valid `sample`: one field of it wrong, missing, or written as a raw odd number; an extra field;
 * the whole wrapped in an array; or the sample itself (valid input must get a sensible answer too).
 */
export function nearSample(sample: Json): fc.Arbitrary<string> {
  const paths = fieldPaths(sample);
  const path: fc.Arbitrary<string[]> = paths.length ? fc.constantFrom(...paths) : fc.constant(["field"]);
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(path, oddValue).map(([p, v]) => JSON.stringify(withField(sample, p, v))) },
    { weight: 2, arbitrary: path.map((p) => JSON.stringify(withField(sample, p, undefined, true))) },
    { weight: 1, arbitrary: fc.tuple(path, fc.constantFrom(...RAW_NUMBERS)).map(([p, raw]) => JSON.stringify(withField(sample, p, "\u0001raw")).replace('"\\u0001raw"', raw)) },
    { weight: 2, arbitrary: fc.tuple(oddString, oddValue).map(([k, v]) => JSON.stringify({ ...sample, [k]: v })) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify([sample])) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(sample)) },
  );
}

const nested = (depth: number, open: string, close: string, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);

/** Bodies no schema accepts, built once: they are large, and fast-check only needs to pick one. */
const RAW_BAD_BODIES = [
  "",
  "{",
  "nope",
  "{'a': 1}",
  '{"a": 1,}',
  "\uFEFF{}",
  "null",
  "[]",
  "0",
  '"just a string"',
  "{}",
  '{"__proto__": {"admin": true}}',
  nested(10_000, "[", "]"),
  nested(10_000, '{"a":', "}"),
  nested(100_000, "[", "]"),
  JSON.stringify({ code: "x".repeat(MB) }),
  JSON.stringify({ answers: { q: "😀".repeat(MB) } }),
  `{"a": "${"\\u0000".repeat(MB / 6)}"}`,
  "x".repeat(3 * MB),
];

/** Bytes that are not UTF-8 at all: an overlong "/", a lone continuation byte, 0xFF, a CESU-8 surrogate. */
const RAW_BAD_BYTES = [
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d], // {"a":"<C0 AF>"}
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d],
  [0xff, 0xfe, 0x7b, 0x7d],
  [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d],
].map((bytes) => new Uint8Array(bytes));

/** What a request says its body is: mostly JSON (so the schema is reached), sometimes anything else. */
const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "text/plain",
      "text/plain; application/json",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json-patch+json",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A declared length that lies, or none. */
const contentLength: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("-1", "abc", "1e308", "0", String(3 * MB), "99999999999999999999") },
);

export type BadBody = { text: string | Uint8Array<ArrayBuffer>; contentType: string | null; contentLength: string | null };

/** A request body for a route whose valid body looks like `sample`. */
export function badBody(sample: Json): fc.Arbitrary<BadBody> {
  const text = fc.oneof(
    { weight: 5, arbitrary: nearSample(sample) },
    { weight: 3, arbitrary: fc.constantFrom(...RAW_BAD_BODIES) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BAD_BYTES) },
    { weight: 1, arbitrary: oddValue.map((v) => JSON.stringify(v) ?? "") },
  );
  return fc.record({ text, contentType, contentLength });
}

/** Percent-encodings a path decoder must refuse or survive. */
const BAD_ENCODINGS = ["%", "%E0%A4%A", "%zz", "%C0%AF", "%ED%A0%80", "%FF", "%00", "%2e%2e%2f", "%252F", "%%", "a%2"];

/** A dynamic segment as it arrives from the address bar: still %-encoded, often wrongly. */
export function badSegment(sample: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(sample) },
    { weight: 3, arbitrary: fc.constantFrom(...BAD_ENCODINGS) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...BAD_ENCODINGS), fc.constantFrom(sample, "x")).map(([bad, s]) => s + bad) },
    { weight: 3, arbitrary: oddString.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))) },
    { weight: 1, arbitrary: fc.constantFrom("x".repeat(5000), ".", "..") },
  );
}

/** A query string of odd names and values, %-encoded well or badly. */
export const badQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc
    .array(fc.tuple(fc.constantFrom("quizId", "before", "limit", "page", "x", "__proto__"), fc.oneof(oddString, oddNumber.map(String))), { maxLength: 4 })
    .map((pairs) => "?" + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, "\uFFFD"))}`).join("&")),
  fc.constantFrom(...BAD_ENCODINGS).map((bad) => `?limit=${bad}&before=${bad}`),
);

/** Header text a client may send: any byte a header value can carry (no CR, LF or NUL), long or short. */
const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom("", "x".repeat(8000), "::ffff:10.0.0.1", "[::1]:80", "1.2.3.4, 5.6.7.8", "999.1.1.1", "fe80::1%eth0", "unknown"),
);

/** The headers a client chooses besides the body's: its request id, forwarding chain, cookies, origin. */
export const badHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    { "x-request-id": headerText, "x-forwarded-for": headerText, cookie: headerText, origin: headerText, accept: headerText },
    { requiredKeys: [] },
  )
  .map((headers) => Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)));

/** A server action's raw input: an object near the sample, anything at all, or a form with odd fields. */
export function badActionInput(sample: Json): fc.Arbitrary<unknown> {
  return fc.oneof(
    nearSample(sample).map((text) => JSON.parse(text) as unknown),
    oddValue,
    fc.dictionary(fc.constantFrom(...Object.keys(sample), "extra"), oddString, { maxKeys: 5 }).map((fields) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      return form;
    }),
  );
}
