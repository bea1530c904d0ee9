import { evaluate } from "@mdx-js/mdx";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { highlightCode } from "./highlight";
import { codeSegments, TOKEN_TAG, type HighlightedCode } from "./highlighted-code";
import { textOf, walk, type MdNode } from "./mdx-tree";
import { createSlugger } from "./slug";

// Lesson body -> React component, at build time. Heading ids come from the same slugger the analysis uses, so the
// table of contents, search results and quiz links point at ids that exist on the page.

function remarkHeadingIds() {
  return (tree: MdNode) => {
    const slug = createSlugger();
    walk(tree, (node) => {
      if (node.type !== "heading") return;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties as object), id: slug(textOf(node).trim()) } };
    });
  };
}

type HastElement = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastElement[]; value?: string };

/** The same markup as components/editor/highlighted-code.tsx, as hast: a fenced block and an example look alike. */
function highlightedHast(source: HighlightedCode): HastElement {
  const children = codeSegments(source).map(({ text, kind }) =>
    kind ? { type: "element", tagName: TOKEN_TAG[kind], properties: {}, children: [{ type: "text", value: text }] } : { type: "text", value: text },
  );
  return { type: "element", tagName: "pre", properties: { className: ["shiki"], tabIndex: 0 }, children: [{ type: "element", tagName: "code", properties: {}, children }] };
}

/** A lesson's fenced block as `<pre data-code data-runs>`, for the lesson's `pre` component (codeBlockSource). */
function sourceHast({ code, runs }: HighlightedCode): HastElement {
  return { type: "element", tagName: "pre", properties: { dataCode: code, dataRuns: runs }, children: [] };
}

/** What a lesson's `pre` component receives for a fenced block; undefined for any other <pre>. */
export function codeBlockSource(props: Record<string, unknown>): HighlightedCode | undefined {
  const { "data-code": code, "data-runs": runs } = props;
  return typeof code === "string" && typeof runs === "string" ? { code, runs } : undefined;
}

/**
 * Highlights fenced code blocks. "markup": the highlighted elements themselves, for Markdown rendered with no
 * components. "source": the code and its runs, which the lesson renders with the same client component as its
 * examples, so the page's payload carries them compactly instead of an element per coloured run.
 */
function rehypeHighlight({ output }: { output: "markup" | "source" }) {
  return async (tree: HastElement) => {
    const blocks: { parent: HastElement[]; index: number; lang?: string; text: string }[] = [];
    const visit = (node: HastElement) => {
      node.children?.forEach((child, index) => {
        const code = child.tagName === "pre" ? child.children?.find((c) => c.tagName === "code") : undefined;
        if (!code || !node.children) return visit(child);
        const className = (code.properties?.className as string[] | undefined) ?? [];
        const lang = className.find((c) => c.startsWith("language-"))?.slice("language-".length);
        blocks.push({ parent: node.children, index, lang, text: (code.children ?? []).map((c) => c.value ?? "").join("").replace(/\n$/, "") });
      });
    };
    visit(tree);
    const render = output === "markup" ? highlightedHast : sourceHast;
    for (const { parent, index, lang, text } of blocks) parent[index] = render(await highlightCode(text, lang));
  };
}

/** Parents whose whitespace-only text children are only the source's line breaks between blocks, not content. */
const BLOCK_PARENTS = new Set(["root", "ul", "ol", "blockquote", "table", "thead", "tbody", "tr"]);

/** Drops those line breaks: each is a node in the page's payload as well as in its HTML (about 70 in a long lesson). */
function rehypeDropBlockWhitespace() {
  return (tree: HastElement) => {
    const visit = (node: HastElement) => {
      if (!node.children) return;
      if (BLOCK_PARENTS.has(node.tagName ?? node.type)) node.children = node.children.filter((c) => !(c.type === "text" && !c.value?.trim()));
      node.children.forEach(visit);
    };
    visit(tree);
  };
}

/** The lesson's components are given to the result as its `components` prop (components/lesson/lesson-components.tsx,
 *  whose `pre` renders fenced blocks); no providerImportSource: @mdx-js/react's provider is React context, which server components cannot read. */
export async function compileLesson(body: string): Promise<MDXContent> {
  const { default: Content } = await evaluate(body, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkHeadingIds],
    rehypePlugins: [[rehypeHighlight, { output: "source" }], rehypeDropBlockWhitespace],
  });
  return Content;
}

/**
 * Plain Markdown (exercise prompts and hints) -> React component, at build time. `format: "md"` means no JSX and
 * no components: an author's `<` or `{` in a prompt is text, not code.
 */
export async function compileMarkdown(text: string): Promise<MDXContent> {
  const { default: Content } = await evaluate(text, {
    ...runtime,
    format: "md",
    remarkPlugins: [remarkGfm],
    rehypePlugins: [[rehypeHighlight, { output: "markup" }], rehypeDropBlockWhitespace],
  });
  return Content;
}
