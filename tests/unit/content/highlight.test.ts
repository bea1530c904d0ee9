import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedCodeBlock } from "@/components/editor/highlighted-code";
import { getCatalog } from "@/lib/content/catalog";
import { highlightCode } from "@/lib/content/highlight";
import { codeSegments, decodeRuns, encodeRuns, TOKEN_KINDS, type HighlightedCode } from "@/lib/content/highlighted-code";

const joined = (source: HighlightedCode) => codeSegments(source).map((s) => s.text).join("");
const block = (source: HighlightedCode) => renderToStaticMarkup(createElement(HighlightedCodeBlock, { source }));

describe("encodeRuns", () => {
  it("decodes to the runs it encoded, short and long", () => {
    const run = fc.record({ gap: fc.nat({ max: 100_000 }), length: fc.integer({ min: 1, max: 100_000 }), kind: fc.constantFrom(...TOKEN_KINDS) });
    fc.assert(
      fc.property(fc.array(run), (runs) => {
        expect(decodeRuns(encodeRuns(runs))).toEqual(runs);
      }),
    );
  });

  it("takes about two characters for a short run", () => {
    expect(encodeRuns([{ gap: 1, length: 3, kind: "keyword" }])).toHaveLength(2);
  });
});

describe("highlightCode", () => {
  it("colours by token kind, never by inline style", async () => {
    const html = block(await highlightCode('package main\n\n// Say hello.\nfunc main() { println("hi", 42) }\n', "go"));
    expect(html).toMatch(/^<pre class="shiki" tabindex="0"><code>/);
    expect(html).not.toContain("style=");
    expect(html).toContain("<hl-k>package</hl-k>");
    expect(html).toContain("<hl-c>// Say hello.</hl-c>");
    expect(html).toContain("<hl-s>&quot;hi&quot;</hl-s>");
    expect(html).toContain("<hl-n>42</hl-n>");
  });

  it("leaves operators and punctuation plain, but not the quotes and marks of strings and comments", async () => {
    const segments = codeSegments(await highlightCode('x := f("a") + 1 // one\n', "go"));
    expect(segments.filter((s) => s.kind).map((s) => [s.text, s.kind])).toEqual([
      ['"a"', "string"],
      ["1", "constant"],
      ["// one", "comment"],
    ]);
  });

  it("colours a function where it is defined, not where it is called", async () => {
    const segments = codeSegments(await highlightCode("fn load() { json!({}); app.fetch(); load() }\n", "rust"));
    expect(segments.filter((s) => s.kind === "function").map((s) => s.text)).toEqual(["load"]);
    expect(segments.at(-1)?.text).toContain("load() }");
  });

  it("merges a kind's runs across the whitespace between them", async () => {
    const { code, runs } = await highlightCode("pub async fn f() {}\n", "rust");
    const keywords = codeSegments({ code, runs }).filter((s) => s.kind === "keyword");
    expect(keywords.map((s) => s.text)).toEqual(["pub async fn"]);
  });

  it("gives back exactly the code it was given: blank lines, tabs, trailing spaces and newlines, CRLF", async () => {
    const code = "\n\nimport os  \n\n\n\tx = 'a'\t\r\nprint(x)   \n\n\n";
    expect(joined(await highlightCode(code, "python"))).toBe(code);
  });

  it("gives back any text exactly, in any language", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 80 }), fc.constantFrom("go", "python", "rust", "typescript", "bash", "nope"), async (code, lang) => {
        expect(joined(await highlightCode(code, lang))).toBe(code);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it("gives back every lesson example exactly", async () => {
    const examples = getCatalog().lessons.flatMap((lesson) => lesson.examples);
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) expect(joined(await highlightCode(example.code, example.language)), example.path).toBe(example.code);
  }, 60_000);
});
