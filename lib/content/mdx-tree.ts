// The few mdast/MDX node fields the analysis reads, typed structurally so nothing depends on transitive type packages.

export type MdNode = {
  type: string;
  value?: string;
  depth?: number;
  name?: string | null;
  lang?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
};

/** Plain text of a node (what a reader sees), code blocks and MDX expressions excluded. */
export function textOf(node: MdNode): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value ?? "";
  if (node.type === "code" || node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") return "";
  return (node.children ?? []).map(textOf).join(node.type === "list" || node.type === "table" ? " " : "");
}

export function walk(node: MdNode, visit: (node: MdNode) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}
