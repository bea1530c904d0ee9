import { runStreamLineSchema, RUN_STREAM_TYPE, type RunRequest, type RunStreamLine } from "@/lib/runner/types";
import type { Learner } from "../../scripts/lib/learners";

// What the scale test asks the app instances, over plain HTTP as a browser or a monitor would.

/** GET /api/health's `runner` in queue mode: the workers the instance sees, as they last reported themselves. */
export type RunnerHealth = {
  mode: "queue";
  alive: number;
  capacity: number;
  queued: number;
  running: number;
  workers: { id: string; name: string; host: string; pid: number; concurrency: number; running: number; runs: number; seenAt: string }[];
};

export async function runnerHealth(base: string): Promise<RunnerHealth> {
  const response = await fetch(`${base}/api/health`);
  const body = (await response.json()) as { runner?: RunnerHealth };
  if (!body.runner) throw new Error(`GET /api/health (${response.status}) has no runner: ${JSON.stringify(body)}`);
  return body.runner;
}

/** POST /api/run asking for the phases as they happen; every line in order, parsed with the route's own schema. */
export async function streamedRun(base: string, run: RunRequest): Promise<RunStreamLine[]> {
  const response = await fetch(`${base}/api/run`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: RUN_STREAM_TYPE, origin: base },
    body: JSON.stringify(run),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`streamed POST /api/run answered ${response.status}: ${text.slice(0, 300)}`);
  return text.split("\n").filter(Boolean).map((line) => runStreamLineSchema.parse(JSON.parse(line)));
}

/**
 * One sign-in attempt through next-auth's credentials callback (as learners.ts signs in): undefined when it
 * succeeded, else the message the sign-in form would show.
 */
export async function signInError(learner: Learner, password: string): Promise<string | undefined> {
  const { csrfToken } = JSON.parse((await learner.request("GET", "/api/auth/csrf")).body) as { csrfToken: string };
  const { body } = await learner.request("POST", "/api/auth/callback/credentials", {
    form: { csrfToken, email: learner.email, password, json: "true", callbackUrl: "/" },
  });
  const { url } = JSON.parse(body) as { url: string };
  return new URL(url, learner.base).searchParams.get("error") ?? undefined;
}

/** A learner's write sent to another instance than the one it signed in at, with the same session cookie. */
export async function postAs(learner: Learner, base: string, path: string, json: unknown): Promise<{ status: number; body: string }> {
  const response = await fetch(base + path, {
    method: "POST",
    headers: { cookie: learner.cookieHeader(), "content-type": "application/json", origin: base },
    body: JSON.stringify(json),
  });
  return { status: response.status, body: await response.text() };
}
