import { createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { createSlugger } from "./slug";
import { textOf, walk, type MdNode } from "./mdx-tree";

// What the engine needs to know about a lesson body without rendering it: headings (table of contents, quiz links),
// the components it uses (validated), and its text by section (search index, reading time).

export type Heading = { depth: 2 | 3; text: string; id: string; line: number };
export type ComponentUse = { name: string; line: number; attributes: Record<string, string | true | { expression: string }> };
export type Section = { id: string; heading: string; text: string };
export type MdxAnalysis = { headings: Heading[]; components: ComponentUse[]; sections: Section[]; words: number; esmLines: number[] };

export type FrontMatterSplit = { yaml: string; yamlFirstLine: number; body: string; bodyFirstLine: number };

export function splitFrontMatter(source: string): FrontMatterSplit | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  const yaml = match[1] ?? "";
  return { yaml, yamlFirstLine: 2, body: source.slice(match[0].length), bodyFirstLine: yaml.split("\n").length + 3 };
}

const processor = createProcessor({ remarkPlugins: [remarkGfm] });

/** Throws a `{ line, message }` on MDX syntax errors; lines are file lines (`firstLine` = where the body starts). */
export function analyzeMdx(body: string, firstLine = 1): MdxAnalysis {
  let tree: MdNode;
  try {
    tree = processor.parse(body) as unknown as MdNode;
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    throw { line: (e.line ?? 1) + firstLine - 1, message: `MDX syntax error: ${e.reason ?? e.message}` };
  }
  const fileLine = (node: MdNode) => (node.position?.start.line ?? 1) + firstLine - 1;
  const slug = createSlugger();
  const headings: Heading[] = [];
  const components: ComponentUse[] = [];
  const esmLines: number[] = [];

  walk(tree, (node) => {
    if (node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
      const text = textOf(node).trim();
      headings.push({ depth: node.depth, text, id: slug(text), line: fileLine(node) });
    } else if (node.type === "heading") {
      slug(textOf(node).trim());
    }
    if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name) {
      const attributes: ComponentUse["attributes"] = {};
      for (const attr of node.attributes ?? []) {
        if (attr.type !== "mdxJsxAttribute" || !attr.name) continue;
        const value = attr.value;
        attributes[attr.name] =
          value === null || value === undefined
            ? true
            : typeof value === "string"
              ? value
              : { expression: String((value as { value?: string }).value ?? "") };
      }
      components.push({ name: node.name, line: fileLine(node), attributes });
    }
    if (node.type === "mdxjsEsm") esmLines.push(fileLine(node));
  });

  // Sections follow h2/h3 headings; text before the first heading belongs to the lesson's introduction ("").
  const sections: Section[] = [{ id: "", heading: "", text: "" }];
  let headingIndex = 0;
  for (const child of tree.children ?? []) {
    if (child.type === "heading" && (child.depth === 2 || child.depth === 3)) {
      const h = headings[headingIndex++];
      if (h) sections.push({ id: h.id, heading: h.text, text: "" });
      continue;
    }
    const text = textOf(child).replace(/\s+/g, " ").trim();
    const current = sections[sections.length - 1];
    if (text && current) current.text = current.text ? `${current.text} ${text}` : text;
  }
  const words = sections.reduce((n, s) => n + countWords(s.heading) + countWords(s.text), 0);
  return { headings, components, sections: sections.filter((s) => s.id || s.text), words, esmLines };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
