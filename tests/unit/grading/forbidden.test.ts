import { describe, expect, it } from "vitest";
import { forbiddenUses, withoutComments } from "@/lib/grading/forbidden";

const PARSE_QS = { pattern: "\\bparse_qsl?\\b", reason: "Parse it yourself." };
const SORT = { pattern: "\\.sort\\(", reason: "Sort without the built-in sort." };

describe("forbiddenUses", () => {
  it.each([
    { title: "a call", language: "python", code: "from urllib.parse import parse_qs\nparse_qs(q)", broken: [PARSE_QS.reason] },
    { title: "an attribute", language: "python", code: "import urllib.parse\nurllib.parse.parse_qsl(q)", broken: [PARSE_QS.reason] },
    { title: "a Python comment", language: "python", code: "# I did not use parse_qs\nx = 1", broken: [] },
    { title: "a Python docstring is text, not a comment", language: "python", code: '"""parse_qs"""', broken: [PARSE_QS.reason] },
    { title: "a JavaScript line comment", language: "javascript", code: "// no xs.sort(\nconst y = 1;", broken: [] },
    { title: "a block comment", language: "typescript", code: "/* xs.sort(\n */ const y = 1;", broken: [] },
    { title: "a URL in a string is not a comment", language: "go", code: 'u := "http://x"; xs.sort()', broken: [SORT.reason] },
    { title: "a similar name", language: "python", code: "my_parse_qs_free = 1", broken: [] },
    { title: "two rules broken, in the exercise's order", language: "javascript", code: "xs.sort(); parse_qs()", broken: [PARSE_QS.reason, SORT.reason] },
  ] as const)("$title", ({ language, code, broken }) => {
    expect(forbiddenUses(language, code, [PARSE_QS, SORT])).toEqual(broken);
  });

  it("forbids nothing without rules", () => {
    expect(forbiddenUses("python", "parse_qs()", [])).toEqual([]);
  });
});

describe("withoutComments", () => {
  it("blanks comments but keeps every line, so positions stay", () => {
    const code = "a = 1  # one\nb = 'x # not a comment'\n";
    expect(withoutComments("python", code)).toBe("a = 1       \nb = 'x # not a comment'\n");
    expect(withoutComments("rust", "let a = 1; /* x\ny */ let b = 2;")).toBe("let a = 1;     \n     let b = 2;");
  });
});
