import type { Metadata } from "next";
import { Exercise } from "@/components/editor/exercise";
import { exerciseText } from "@/components/editor/exercise-text";
import { Playground } from "@/components/editor/playground";
import { publicExercise } from "@/lib/content/exercise-schema";
import { highlightCode } from "@/lib/content/highlight";
import { loadExercise } from "@/lib/content/exercises";
import { STARTERS } from "./starters";

export const metadata: Metadata = { title: "Scratchpad" };

const NAMES = { javascript: "JavaScript", typescript: "TypeScript", python: "Python", go: "Go", rust: "Rust" } as const;

export default async function PlaygroundPage() {
  const exercise = await loadExercise("python/01-python-for-the-web/parse-query");
  const sources = await Promise.all(STARTERS.map((example) => highlightCode(example.code, example.language)));
  return (
    <article className="scratchpad">
      <h1>Scratchpad</h1>
      <p className="muted">
        Try code in any of the course languages. JavaScript, TypeScript and Python run in your browser; Go and Rust run
        in a sandbox on the server. Your edits are kept.
      </p>
      {STARTERS.map((example, i) => (
        <section key={example.id} aria-labelledby={`${example.language}-heading`}>
          <h2 id={`${example.language}-heading`}>{NAMES[example.language]}</h2>
          <Playground example={{ id: example.id, language: example.language }} source={sources[i]!} />
        </section>
      ))}
      {exercise && (
        <section aria-labelledby="practice-heading">
          <h2 id="practice-heading">Practice</h2>
          <Exercise exercise={publicExercise(exercise)} text={await exerciseText(exercise)} />
        </section>
      )}
    </article>
  );
}
