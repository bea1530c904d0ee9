import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { getCatalog } from "@/lib/content/catalog";
import { compileLesson } from "@/lib/content/compile-mdx";

async function html(body: string): Promise<string> {
  const lesson = getCatalog().lessons[0]!;
  return renderToStaticMarkup(createElement(await compileLesson(body), { components: lessonComponents(lesson, new Map()) }));
}

describe("compileLesson: fenced code", () => {
  it("renders a fenced block like an example: token elements, no inline style, the code exactly", async () => {
    const out = await html('Before.\n\n```python\nprint("hi")  # say it\n\n\nx = 1\n```\n');
    expect(out).toContain('<pre class="shiki" tabindex="0"><code>print(<hl-s>&quot;hi&quot;</hl-s>)  <hl-c># say it</hl-c>\n\n\nx = <hl-n>1</hl-n></code></pre>');
    expect(out).not.toContain("style=");
    expect(out).not.toContain("data-code");
  });

  it("leaves a <pre> that is not a fenced block alone", async () => {
    expect(await html("<pre>as written</pre>\n")).toContain("<pre>as written</pre>");
  });
});

describe("compileLesson: whitespace", () => {
  it("drops the line breaks between blocks and list items, but not the spaces between inline elements", async () => {
    const out = await html("# Title\n\nSome **bold** *text*.\n\n- `a` `b`\n- two\n\n> quoted\n");
    expect(out).toBe('<h1 id="title">Title</h1><p>Some <strong>bold</strong> <em>text</em>.</p><ul><li><code>a</code> <code>b</code></li><li>two</li></ul><blockquote><p>quoted</p></blockquote>');
  });
});
