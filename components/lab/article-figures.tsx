import { BarChart } from "@/components/lesson/bar-chart";
import { Cite } from "@/components/lesson/cite";

/** The one article in the course's sources that gives Fibonacci timings, exactly as it gives them. */
export const ARTICLE_SOURCE = "which-to-learn-2025";

export function ArticleFibonacci() {
  return (
    <div data-testid="article-figures">
      <BarChart
        title="The article's figures: Fibonacci calculation"
        unit="ms"
        data={[
          { label: "Rust", value: 22, note: "given as ~22 ms" },
          { label: "Go", value: 39, note: "given as ~39 ms" },
          { label: "Python", value: 1330, note: "given as ~1,330 ms" },
        ]}
        caption="Execution time as the article reports it."
        lowerIsBetter
      />
      <p className="muted">
        Source: <Cite source={ARTICLE_SOURCE} />. It gives no figure for Node.js, and it does not say which Fibonacci
        number was computed, on what machine, with which compiler settings, or whether the time includes starting the
        program.
      </p>
    </div>
  );
}
