import { evaluate } from "@mdx-js/mdx";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import type { Highlighter } from "shiki";
import { getHighlighter, SHIKI_THEMES, shikiLanguage } from "./highlight";
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

function rehypeShiki({ highlighter }: { highlighter: Highlighter }) {
  return (tree: HastElement) => {
    const visit = (node: HastElement) => {
      node.children?.forEach((child, i) => {
        const code = child.tagName === "pre" ? child.children?.find((c) => c.tagName === "code") : undefined;
        if (!code || !node.children) return visit(child);
        const className = (code.properties?.className as string[] | undefined) ?? [];
        const lang = className.find((c) => c.startsWith("language-"))?.slice("language-".length);
        const text = (code.children ?? []).map((c) => c.value ?? "").join("").replace(/\n$/, "");
        const highlighted = highlighter.codeToHast(text, { lang: shikiLanguage(lang), themes: SHIKI_THEMES, defaultColor: false });
        const pre = highlighted.children[0] as HastElement | undefined;
        if (pre) node.children[i] = pre;
      });
    };
    visit(tree);
  };
}

/** The lesson's components are given to the result as its `components` prop (components/lesson/lesson-components.tsx);
 *  no providerImportSource: @mdx-js/react's provider is React context, which server components cannot read. */
export async function compileLesson(body: string): Promise<MDXContent> {
  const highlighter = await getHighlighter();
  const { default: Content } = await evaluate(body, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkHeadingIds],
    rehypePlugins: [[rehypeShiki, { highlighter }]],
  });
  return Content;
}

/**
 * Plain Markdown (exercise prompts and hints) -> React component, at build time. `format: "md"` means no JSX and
 * no components: an author's `<` or `{` in a prompt is text, not code.
 */
export async function compileMarkdown(text: string): Promise<MDXContent> {
  const highlighter = await getHighlighter();
  const { default: Content } = await evaluate(text, {
    ...runtime,
    format: "md",
    remarkPlugins: [remarkGfm],
    rehypePlugins: [[rehypeShiki, { highlighter }]],
  });
  return Content;
}
