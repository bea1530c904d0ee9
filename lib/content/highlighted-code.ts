// Highlighted code as it travels from the build to the browser: the text once, and the coloured runs over it in a
// compact string. The lesson page sends this to the in-page editor, which renders it and edits `code`; sending
// rendered HTML as well (or instead) carried the code three times, as 550 KB lesson pages (issue 15).
// Pure and dependency-free, so client components can import it; lib/content/highlight.ts makes it with Shiki.

/** The token kinds that get a colour; anything else is plain text in the block's own colour. */
export const TOKEN_KINDS = ["comment", "keyword", "string", "constant", "function"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** One short element per kind (a lesson has hundreds of runs; `<hl-k>` is half the bytes of `<span class="hk">`):
 *  custom elements, which browsers show inline and assistive technology reads as plain text. globals.css colours
 *  them for both themes. */
export const TOKEN_TAG = { comment: "hl-c", keyword: "hl-k", string: "hl-s", constant: "hl-n", function: "hl-f" } as const satisfies Record<TokenKind, `hl-${string}`>;

export type HighlightedCode = {
  code: string;
  /** For each coloured run: the plain characters before it, then its length × TOKEN_KINDS.length + its kind's index,
   *  each as a base-32 number (encodeRuns). About two characters a run, against seven as a JSON array of numbers. */
  runs: string;
};

export type CodeRun = { gap: number; length: number; kind: TokenKind };
export type CodeSegment = { text: string; kind?: TokenKind };

// A number's last base-32 digit comes from DIGIT, the ones before it from MORE, so numbers need no separator.
// Both alphabets need no escaping in JSON, in a JavaScript string or in HTML.
const DIGIT = "0123456789abcdefghijklmnopqrstuv";
const MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

function encodeNumber(n: number): string {
  let out = DIGIT[n % 32]!;
  for (let rest = Math.floor(n / 32); rest > 0; rest = Math.floor(rest / 32)) out = MORE[rest % 32]! + out;
  return out;
}

export function encodeRuns(runs: readonly CodeRun[]): string {
  return runs.map(({ gap, length, kind }) => encodeNumber(gap) + encodeNumber(length * TOKEN_KINDS.length + TOKEN_KINDS.indexOf(kind))).join("");
}

export function decodeRuns(encoded: string): CodeRun[] {
  const numbers: number[] = [];
  let value = 0;
  for (const char of encoded) {
    const last = DIGIT.indexOf(char);
    if (last >= 0) {
      numbers.push(value * 32 + last);
      value = 0;
    } else {
      value = value * 32 + MORE.indexOf(char);
    }
  }
  const runs: CodeRun[] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const packed = numbers[i + 1]!;
    runs.push({ gap: numbers[i]!, length: Math.floor(packed / TOKEN_KINDS.length), kind: TOKEN_KINDS[packed % TOKEN_KINDS.length]! });
  }
  return runs;
}

/** The code cut into plain and coloured pieces, in order; their texts join back to `code` exactly. */
export function codeSegments({ code, runs }: HighlightedCode): CodeSegment[] {
  const segments: CodeSegment[] = [];
  let at = 0;
  for (const { gap, length, kind } of decodeRuns(runs)) {
    if (gap > 0) segments.push({ text: code.slice(at, at + gap) });
    at += gap;
    segments.push({ text: code.slice(at, at + length), kind });
    at += length;
  }
  if (at < code.length) segments.push({ text: code.slice(at) });
  return segments;
}
