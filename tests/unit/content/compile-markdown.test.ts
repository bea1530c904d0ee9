import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { compileMarkdown } from "@/lib/content/compile-mdx";

async function html(markdown: string): Promise<string> {
  return renderToStaticMarkup(createElement(await compileMarkdown(markdown)));
}

describe("compileMarkdown (exercise prompts and hints)", () => {
  it("renders emphasis, inline code, lists and GFM tables", async () => {
    const out = await html("Write **`parse(q)`**:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(out).toContain("<strong><code>parse(q)</code></strong>");
    expect(out).toContain("<li>one</li>");
    expect(out).toContain("<td>1</td>");
  });

  it("highlights fenced code by token kind, as examples are, with no inline style", async () => {
    const out = await html("```go\nfunc main() {}\n```\n");
    expect(out).toMatch(/^<pre class="shiki" tabindex="0"><code><hl-k>func<\/hl-k> <hl-f>main<\/hl-f>\(\) \{\}<\/code><\/pre>$/);
  });

  it("treats JSX and HTML in an author's text as text, never as markup", async () => {
    const out = await html("Return `{ ok: true }` when x < 3 and <script>alert(1)</script> is text.\n");
    expect(out).not.toContain("<script>");
    expect(out).toContain("<code>{ ok: true }</code>");
  });
});
