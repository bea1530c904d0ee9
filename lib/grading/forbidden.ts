import type { CodeLanguage } from "@/lib/course/vocabulary";

// Pure: an exercise may forbid approaches ("do not use urllib.parse.parse_qs"); a check whose code uses one fails,
// with the exercise's reason, however its tests went. Rules are regular expressions over the learner's code with
// its comments blanked out, so explaining in a comment why you did not use parse_qs is not using it. This is a
// teaching aid, not a proof: code that builds the name at run time slips through, and the prompt says so.

export type ForbiddenRule = { pattern: string; reason: string };

// A string literal (kept, so "//" inside a URL is not a comment) or a comment (blanked). Rust's lifetimes ('a) may
// read as the start of a character literal; that only keeps more text, never blanks code.
const C_LIKE = /("(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'|`(?:\\[\s\S]|[^`\\])*`)|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)/g;
const PYTHON = /("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*')|(#[^\n]*)/g;

/** The code with every comment replaced by spaces (newlines kept, so positions and line numbers stay). */
export function withoutComments(language: CodeLanguage, code: string): string {
  return code.replace(language === "python" ? PYTHON : C_LIKE, (match, literal: string | undefined) =>
    literal !== undefined ? match : match.replace(/[^\n]/g, " "),
  );
}

/** The reasons of the rules the code breaks, in the exercise's order. */
export function forbiddenUses(language: CodeLanguage, code: string, rules: readonly ForbiddenRule[]): string[] {
  if (rules.length === 0) return [];
  const source = withoutComments(language, code);
  return rules.filter((rule) => new RegExp(rule.pattern, "m").test(source)).map((rule) => rule.reason);
}
