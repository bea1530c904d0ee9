import { createHighlighter, type Highlighter } from "shiki";
import { CODE_LANGUAGES } from "@/lib/course/vocabulary";

// Build-time highlighting with two themes at once: every token carries --shiki-light and --shiki-dark, and
// globals.css picks one from <html data-theme>, so switching theme needs no re-render and no client JavaScript.

export const SHIKI_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;
// Every code language, plus what lessons show without running it.
const LANGS = [...CODE_LANGUAGES, "bash", "json", "yaml", "sql", "text"] as const;

let highlighter: Promise<Highlighter> | undefined;

export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(SHIKI_THEMES), langs: [...LANGS] });
  return highlighter;
}

export function shikiLanguage(lang: string | null | undefined): string {
  const aliases: Record<string, string> = { js: "javascript", ts: "typescript", py: "python", rs: "rust", sh: "bash", shell: "bash", golang: "go" };
  const name = lang ? (aliases[lang] ?? lang) : "text";
  return (LANGS as readonly string[]).includes(name) ? name : "text";
}

export async function highlightToHtml(code: string, lang: string): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code.replace(/\n+$/, ""), { lang: shikiLanguage(lang), themes: SHIKI_THEMES, defaultColor: false });
}
