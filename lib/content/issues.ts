// One shape for everything an author can get wrong, so the check script, the loader and the tests agree on wording.

export type ContentIssue = {
  /** Path relative to the repository root (or the content root's parent), with forward slashes. */
  file: string;
  line?: number;
  message: string;
};

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}${issue.line ? `:${issue.line}` : ""}: ${issue.message}`;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`The lessons have ${issues.length} problem(s):\n${issues.map(formatIssue).join("\n")}`);
    this.name = "ContentError";
  }
}
