import type { MDXComponents } from "mdx/types";
import { HighlightedCodeBlock } from "@/components/editor/highlighted-code";
import { Playground } from "@/components/editor/playground";
import { CODE_LANGUAGES, CODE_LANGUAGE_LABELS } from "@/lib/course/vocabulary";
import { codeBlockSource } from "@/lib/content/compile-mdx";
import type { LessonComponentName } from "@/lib/content/components";
import type { LessonExample } from "@/lib/content/examples";
import type { HighlightedCode } from "@/lib/content/highlighted-code";
import type { Lesson } from "@/lib/content/load";
import { BarChart } from "./bar-chart";
import { Callout } from "./callout";
import { Cite } from "./cite";
import { CompareBlock } from "./compare-block";
import { Figure } from "./figure";

// The one map from the names a lesson's MDX may use (lib/content/components.ts, which the loader checks tags
// against) to React components, bound to that lesson's examples; `satisfies` keeps the two lists the same.
// It reaches the compiled MDX as its `components` prop, not through @mdx-js/react's MDXProvider: the provider is
// React context, which server components do not have (docs/ARCHITECTURE.md, Learned).
// `highlighted` maps example file -> its highlighted code, computed before rendering because components here are
// synchronous. Each Playground gets only that (its code is inside) and its id and language: every prop of a client
// component is copied into the page's payload.

function sourceOf(example: LessonExample, highlighted: ReadonlyMap<string, HighlightedCode>): HighlightedCode {
  const source = highlighted.get(example.file);
  if (!source) throw new Error(`${example.path}: not highlighted`);
  return source;
}

export function lessonComponents(lesson: Lesson, highlighted: ReadonlyMap<string, HighlightedCode>): MDXComponents {
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
          <Playground example={{ id: example.id, language: example.language }} source={sourceOf(example, highlighted)} />
        </div>
      );
    },
    Compare({ name }: { name: string }) {
      const examples = lesson.examples
        .filter((e) => e.name === name)
        .sort((a, b) => CODE_LANGUAGES.indexOf(a.language) - CODE_LANGUAGES.indexOf(b.language));
      // Only the first panel's code comes with the page: it is the one shown before the learner picks a language.
      const panels = examples.map((e, i) => ({
        language: e.language,
        label: CODE_LANGUAGE_LABELS[e.language],
        file: e.file,
        id: e.id,
        source: i === 0 ? sourceOf(e, highlighted) : undefined,
      }));
      return <CompareBlock name={name} panels={panels} sourcesUrl={`${lesson.href}/examples.json`} />;
    },
  } satisfies Record<LessonComponentName, unknown>;
  return {
    ...components,
    // Fenced blocks (lib/content/compile-mdx.ts): the client component's props are the code and its runs.
    pre(props: Record<string, unknown>) {
      const source = codeBlockSource(props);
      return source ? <HighlightedCodeBlock source={source} /> : <pre {...props} />;
    },
  };
}
