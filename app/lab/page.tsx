import type { Metadata } from "next";
import Link from "next/link";
import { ArticleFibonacci } from "@/components/lab/article-figures";
import { Lab, type LabProgramProps } from "@/components/lab/lab";
import { highlightCode } from "@/lib/content/highlight";
import { loadLab, type LabLanguage } from "@/lib/content/lab";
import { ContentError } from "@/lib/content/issues";

export const metadata: Metadata = {
  title: "Four-language lab",
  description: "Run the same Fibonacci benchmark and concurrent fan-out in TypeScript, Python, Go and Rust, side by side.",
};

const LANGUAGE: Record<LabLanguage, { label: string; detail: string }> = {
  typescript: { label: "TypeScript", detail: "Node.js, types erased" },
  python: { label: "Python", detail: "CPython" },
  go: { label: "Go", detail: "compiled with go build" },
  rust: { label: "Rust", detail: "compiled with rustc, debug build" },
};

export default async function LabPage() {
  const { programs, issues } = loadLab();
  if (issues.length) throw new ContentError(issues);
  const props: LabProgramProps[] = await Promise.all(
    programs.map(async (program) => ({
      id: program.id,
      title: program.title,
      input: program.input,
      summary: program.summary,
      cells: await Promise.all(
        program.sources.map(async (source) => ({
          program: program.id,
          language: source.language,
          ...LANGUAGE[source.language],
          file: source.path.split("/").slice(-2).join("/"),
          source: await highlightCode(source.code, source.language),
        })),
      ),
    })),
  );
  return (
    <article className="lab-page">
      <header className="hero">
        <h1>The four-language lab</h1>
        <p>
          The same two programs in TypeScript, Python, Go and Rust. <strong>Run all</strong> sends all eight to this
          site&apos;s server, one after another, so they share one machine and one sandbox. Each program times its own
          work and prints it as <code>elapsed_ms=…</code>: that is the number charted, not the trip over the network.
          The runner&apos;s times are shown apart: compiling (Go and Rust only) and running. Open any program to edit it.
        </p>
      </header>
      <Lab programs={props} asides={{ fib: <ArticleFibonacci /> }} />
      <section aria-labelledby="why-different">
        <h2 id="why-different">Why your numbers differ from the article&apos;s</h2>
        <ul>
          <li>
            <strong>Compiling is not running.</strong> A Go or Rust program is compiled before its first run; that can
            take longer than the program itself. Counted together, Go and Rust would look slower than Python. Here the
            two are shown apart, and the chart holds only the program&apos;s own time.
          </li>
          <li>
            <strong>Input size.</strong> The lab computes fib(30): 2,692,537 calls. Each step up in n makes about 1.6
            times as many calls, so fib(35) is about 11 times the work. The article does not say which n it used; when
            we ran fib(35) in this sandbox while building the lab, Python took about 1.1 seconds, close to the article&apos;s 1,330 ms.
          </li>
          <li>
            <strong>A different machine, shared.</strong> Your runs go through a sandbox limited to one CPU&apos;s worth
            of time, on a server other learners use at the same moment. Run twice and the numbers move; the order of the
            languages is what carries over.
          </li>
          <li>
            <strong>Compiler settings.</strong> The sandbox builds Rust without optimisations, to keep compiling quick.
            An optimised build (<code>cargo build --release</code>) ran this fib(30) about three times faster when we
            tried it; Go always optimises.
          </li>
          <li>
            <strong>Warm-up.</strong> Node.js compiles hot JavaScript functions to machine code while they run (its JIT),
            so a single short run includes that warm-up; CPython interprets every call.
          </li>
          <li>
            <strong>Waiting is not computing.</strong> In the fan-out, all four finish in about 500 ms — the deadline —
            not in 1,100 ms, the sum of the delays. For work that waits on other services, the language matters far less
            than for the Fibonacci loop.
          </li>
        </ul>
        <p>
          The lesson <Link href="/learn/choosing/03-performance-in-numbers">Performance in numbers</Link> reads these
          figures in context; every source is on the <Link href="/sources">Sources</Link> page.
        </p>
      </section>
    </article>
  );
}
