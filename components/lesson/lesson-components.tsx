import type { MDXComponents } from "mdx/types";
import { Playground } from "@/components/editor/playground";
import { CODE_LANGUAGES, CODE_LANGUAGE_LABELS } from "@/lib/course/vocabulary";
import type { LessonComponentName } from "@/lib/content/components";
import type { LessonExample } from "@/lib/content/examples";
import type { Lesson } from "@/lib/content/load";
import type { PlaygroundExample } from "@/lib/runner/types";
import { BarChart } from "./bar-chart";
import { Callout } from "./callout";
import { Cite } from "./cite";
import { CompareBlock } from "./compare-block";
import { Figure } from "./figure";

// The one map from the names a lesson's MDX may use (lib/content/components.ts, which the loader checks tags
// against) to React components, bound to that lesson's examples; `satisfies` keeps the two lists the same.
// It reaches the compiled MDX as its `components` prop, not through @mdx-js/react's MDXProvider: the provider is
// React context, which server components do not have (docs/ARCHITECTURE.md, Learned).
// `highlighted` maps example file -> Shiki HTML, computed before rendering because components here are synchronous.

function playground(example: LessonExample, html: string) {
  const props: PlaygroundExample = { id: example.id, language: example.language, code: example.code, expectedOutput: example.expectedOutput };
  return <Playground example={props} highlighted={<div className="code-block" dangerouslySetInnerHTML={{ __html: html }} />} />;
}

export function lessonComponents(lesson: Lesson, highlighted: ReadonlyMap<string, string>): MDXComponents {
  const byFile = new Map(lesson.examples.map((e) => [e.file, e]));
  const components = {
    Callout,
    Cite,
    Figure,
    BarChart,
    Example({ file }: { file: string }) {
      const example = byFile.get(file);
      if (!example) throw new Error(`${lesson.file}: <Example file="${file}"> has no such example`);
      return (
        <div className="lesson-example">
          <p className="example-file">
            <span className="visually-hidden">Example file: </span>
            {file}
          </p>
          {playground(example, highlighted.get(file) ?? "")}
        </div>
      );
    },
    Compare({ name }: { name: string }) {
      const examples = lesson.examples
        .filter((e) => e.name === name)
        .sort((a, b) => CODE_LANGUAGES.indexOf(a.language) - CODE_LANGUAGES.indexOf(b.language));
      const panels = examples.map((e) => ({
        language: e.language,
        label: CODE_LANGUAGE_LABELS[e.language],
        file: e.file,
        content: playground(e, highlighted.get(e.file) ?? ""),
      }));
      return <CompareBlock name={name} panels={panels} />;
    },
  } satisfies Record<LessonComponentName, unknown>;
  return components;
}
