import { eventId, quizzes } from "../../tests/soak/course";
import { runLoad, type LoadRun } from "./learner-load";

// Signed-in learners answering the course's quizzes in turn (all right, so attempts also complete lessons: the
// heavier write), spread round-robin over app instances of one deployment as a proxy would: learner i at instance
// i mod n. Each learner is one connection of autocannon waiting for its answer before the next attempt.

/** Every instance's load at once; answers and rates add up, p50 is weighted by answers, p99 is the worst instance's. */
export async function quizAttempts(urls: string[], cookies: string[], seconds: number): Promise<LoadRun> {
  const runs = await Promise.all(
    urls.map((url, k) => {
      const mine = cookies.filter((_, i) => i % urls.length === k);
      return runLoad({
        url,
        connections: mine.length,
        seconds,
        clientHeaders: (i) => ({ cookie: mine[i]! }),
        requests: quizzes.map((quiz) => ({ method: "POST", path: quiz.attemptsPath, body: () => JSON.stringify({ answers: quiz.answers, attemptId: eventId() }) })),
        // A guest's attempt is graded but not saved: a lost session must not pass for a fast write.
        check: (status, body) => (status !== 200 ? body.slice(0, 200) : body.includes('"saved":true') ? null : "not saved (signed out?)"),
      });
    }),
  );
  const answers = runs.reduce((sum, run) => sum + run.answers, 0);
  return {
    answers,
    perSecond: runs.reduce((sum, run) => sum + run.perSecond, 0),
    p50: runs.reduce((sum, run) => sum + run.p50 * run.answers, 0) / answers,
    p99: Math.max(...runs.map((run) => run.p99)),
  };
}
