import "server-only";
import type { ReactNode } from "react";
import { compileMarkdown } from "@/lib/content/compile-mdx";

/** An exercise's prompt and hints as rendered Markdown, built on the server for the client-side <Exercise>. */
export async function exerciseText(exercise: { prompt: string; hints: string[] }): Promise<{ prompt: ReactNode; hints: ReactNode[] }> {
  const [Prompt, ...Hints] = await Promise.all([exercise.prompt, ...exercise.hints].map(compileMarkdown));
  return { prompt: Prompt && <Prompt />, hints: Hints.map((Hint, i) => <Hint key={i} />) };
}
