import type { CodeLanguage } from "@/lib/course/vocabulary";
import { learnerAddress, postRun } from "./run-client";

// Learners pressing Run in a closed loop: each from an address of its own (run-client.ts), pressing again as soon as it
// has its answer, so the runner never idles and the runs per second are what the runner side can do. Any answer but
// the program's expected output is recorded as unexpected (a 429 included: the loop is meant to run under the limits), and ends that learner's loop.

export type Program = { language: CodeLanguage; code: string; stdout: string };

export type Presses = {
  /** Answers with the expected output. */
  runs: number;
  /** Milliseconds from pressing to the whole answer, of those runs. */
  latencies: number[];
  /** Every other answer, described. */
  unexpected: string[];
  /** From the first press to the last answer (runs still going when the time was up are waited for and counted). */
  seconds: number;
};

export async function pressInLoop(url: string, program: Program, learners: number, seconds: number, firstLearner = 0): Promise<Presses> {
  const presses: Presses = { runs: 0, latencies: [], unexpected: [], seconds: 0 };
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: learners }, async (_, n) => {
      const from = learnerAddress(firstLearner + n);
      while (performance.now() < until) {
        try {
          const answer = await postRun(url, { language: program.language, code: program.code }, from);
          if (answer.status === 200 && answer.result?.stdout === program.stdout && answer.result.exitCode === 0) {
            presses.runs++;
            presses.latencies.push(answer.ms);
            continue;
          }
          presses.unexpected.push(`${answer.status} ${answer.body.slice(0, 200)}`);
        } catch (error) {
          presses.unexpected.push(error instanceof Error ? error.message : String(error));
        }
        // This learner stops: pressing on at once after a refusal would only measure how fast refusals come.
        return;
      }
    }),
  );
  presses.seconds = (performance.now() - started) / 1000;
  return presses;
}
