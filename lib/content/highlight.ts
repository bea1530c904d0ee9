import { createCssVariablesTheme, createHighlighter, type Highlighter } from "shiki";
import { CODE_LANGUAGES } from "@/lib/course/vocabulary";
import { encodeRuns, type CodeRun, type HighlightedCode, type TokenKind } from "./highlighted-code";

// Build-time highlighting into token kinds, not colours: Shiki's CSS-variables theme names each token's role, and
// app/globals.css colours each kind's element per theme (<html data-theme>), so switching theme needs no client
// JavaScript and no token carries an inline style.

const KINDS_THEME = createCssVariablesTheme({ name: "token-kinds", variablePrefix: "--hl-", fontStyle: false });
const PLAIN = "var(--hl-foreground)";
/**
 * Fewer colours than an editor's: keywords, strings, comments, literals and the names a definition introduces.
 * Operators, punctuation, types, objects and calls read as plain text. Every coloured run is an element in the
 * page's HTML and a code in its payload; this palette sends 10,643 runs for the course's examples against 19,601
 * with the full theme (the Rust capstone: 186 against 618), and what is coloured stands out more.
 */
const THEME = {
  ...KINDS_THEME,
  tokenColors: [
    ...KINDS_THEME.tokenColors!,
    { scope: ["keyword.operator", "punctuation", "punctuation.separator.key-value", "storage.type.function.arrow"], settings: { foreground: PLAIN } },
    { scope: ["entity.name.type", "support.type", "support.class", "entity.other.inherited-class"], settings: { foreground: PLAIN } },
    { scope: ["variable.other.object", "variable.other.property", "meta.property-name"], settings: { foreground: PLAIN } },
    {
      scope: ["meta.function-call entity.name.function", "meta.function.call entity.name.function", "entity.name.function.macro", "entity.name.function.support", "support.function"],
      settings: { foreground: PLAIN },
    },
    // Operators that are words (`in`, `not`, `new`, `typeof`) stay keywords; quotes and comment marks keep the colour
    // of what they enclose.
    { scope: ["keyword.operator.word", "keyword.operator.logical.python", "keyword.operator.new", "keyword.operator.expression"], settings: { foreground: "var(--hl-token-keyword)" } },
    { scope: ["punctuation.definition.string"], settings: { foreground: "var(--hl-token-string-expression)" } },
    { scope: ["punctuation.definition.comment"], settings: { foreground: "var(--hl-token-comment)" } },
  ],
};
// Every code language, plus what lessons show without running it.
const LANGS = [...CODE_LANGUAGES, "bash", "json", "yaml", "sql", "text"] as const;

/** The theme's roles that get a colour. The rest (parameters, plain identifiers) read as plain text. */
const KIND_OF_COLOR: Record<string, TokenKind> = {
  "var(--hl-token-comment)": "comment",
  "var(--hl-token-keyword)": "keyword",
  "var(--hl-token-string)": "string",
  "var(--hl-token-string-expression)": "string",
  "var(--hl-token-constant)": "constant",
  "var(--hl-token-function)": "function",
  "var(--hl-token-link)": "function",
};

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [THEME], langs: [...LANGS] });
  return highlighter;
}

type Lang = (typeof LANGS)[number];

function shikiLanguage(lang: string | null | undefined): Lang {
  const aliases: Record<string, Lang> = { js: "javascript", ts: "typescript", py: "python", rs: "rust", sh: "bash", shell: "bash", golang: "go" };
  const name = lang ? (aliases[lang] ?? lang) : "text";
  return (LANGS as readonly string[]).includes(name) ? (name as Lang) : "text";
}

/**
 * `code` highlighted, exactly as given (trailing newlines and whitespace kept: the editor starts from it). Adjacent
 * runs of one kind merge, also across whitespace between them, which is invisible in any colour.
 */
export async function highlightCode(code: string, lang: string | null | undefined): Promise<HighlightedCode> {
  const { tokens } = (await getHighlighter()).codeToTokens(code, { lang: shikiLanguage(lang), theme: THEME.name! });
  const runs: CodeRun[] = [];
  let at = 0;
  let lastEnd = 0;
  for (const token of tokens.flat()) {
    // Line breaks are not tokens: find each token where it is, after them.
    const start = code.indexOf(token.content, at);
    at = start + token.content.length;
    const kind = token.color === undefined ? undefined : KIND_OF_COLOR[token.color];
    if (kind === undefined || token.content.trim() === "") continue;
    const last = runs.at(-1);
    if (last?.kind === kind && code.slice(lastEnd, start).trim() === "") last.length = at - (lastEnd - last.length);
    else runs.push({ gap: start - lastEnd, length: token.content.length, kind });
    lastEnd = at;
  }
  return { code, runs: encodeRuns(runs) };
}
