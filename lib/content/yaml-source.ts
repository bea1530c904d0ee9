import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";

// YAML parsed with positions, so an error in front matter or quiz.yaml can name the line the author must fix.

export type YamlSource = {
  data: unknown;
  /** 1-based line in the whole file of the value at `path` (or of the nearest parent that exists). */
  lineOf: (path: readonly PropertyKey[]) => number;
  /** 1-based line of the key `key` inside the mapping at `path`. */
  lineOfKey: (path: readonly PropertyKey[], key: string) => number;
};

export type YamlSyntaxError = { line: number; message: string };

/** `firstLine` is the file line on which `source` starts (front matter starts on line 2, after `---`). */
export function parseYamlSource(source: string, firstLine = 1): YamlSource | YamlSyntaxError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const [error] = doc.errors;
  if (error) return { line: toLine(error.pos[0]), message: `YAML syntax error: ${error.message.split("\n")[0]}` };

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const keys = path.slice(0, n).map((k) => (typeof k === "symbol" ? String(k) : k));
      const node = n === 0 ? doc.contents : doc.getIn(keys, true);
      if (node && typeof node === "object" && "range" in node && node.range) return node as Node;
    }
    return undefined;
  };
  const lineOf = (path: readonly PropertyKey[]) => {
    const node = nodeAt(path);
    return node?.range ? toLine(node.range[0]) : firstLine;
  };
  const lineOfKey = (path: readonly PropertyKey[], key: string) => {
    const node = nodeAt(path);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return toLine(pair.key.range[0]);
    }
    return lineOf(path);
  };
  return { data: doc.toJS(), lineOf, lineOfKey };
}

export function isYamlSyntaxError(value: YamlSource | YamlSyntaxError): value is YamlSyntaxError {
  return "message" in value;
}

/** Zod issues as author-facing messages with lines. `label` prefixes the field path, e.g. `front matter`. */
export function describeZodIssues(
  issues: readonly z.core.$ZodIssue[],
  yaml: YamlSource,
  label: string,
): { line: number; message: string }[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        line: yaml.lineOfKey(issue.path, key),
        message: `${label} ${quotePath([...issue.path, key])}: unknown field`,
      }));
    }
    return [{ line: yaml.lineOf(issue.path), message: `${label} ${quotePath(issue.path)}: ${issue.message}` }];
  });
}

function quotePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return `"${path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("")}"`;
}
