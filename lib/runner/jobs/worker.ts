import { randomUUID } from "node:crypto";
import os from "node:os";
import type PgBoss from "pg-boss";
import { log } from "@/lib/log";
import { runCode } from "../run-code";
import { runnerSettings } from "../settings";
import { queuePool, RUN_QUEUE, runnerBoss, stopRunnerBoss } from "./boss";
import { onNewJobs, publishJobEvent } from "./events";
import { heartbeat, HEARTBEAT_MS, leave, markStarted, registerWorker, sweepRegistry } from "./registry";
import type { RunJob } from "./submit";

// `npm run worker`: takes runs from the job queue and runs them in this host's sandbox, RUNNER_CONCURRENCY at once
// (each slot its own sandbox uid, as in the web server's in-process queue). It fetches when an app announces a job
// and every POLL_MS besides, reports itself every HEARTBEAT_MS, and on SIGTERM finishes what it started, then leaves.

const POLL_MS = 500;

export type RunnerWorker = { id: string; stop: () => Promise<void> };

export async function startRunnerWorker({ name = os.hostname() }: { name?: string } = {}): Promise<RunnerWorker> {
  const pool = queuePool();
  const boss = await runnerBoss();
  const { concurrency } = runnerSettings();
  const id = randomUUID();
  const freeSlots = Array.from({ length: concurrency }, (_, slot) => slot);
  const inFlight = new Set<Promise<void>>();
  let runs = 0;
  let stopping = false;
  let fetching = false;

  await registerWorker(pool, { id, name, host: os.hostname(), pid: process.pid, concurrency });
  const beat = () => heartbeat(pool, id, concurrency - freeSlots.length, runs).catch((error: unknown) => log().warn({ err: error }, "worker heartbeat failed"));

  /** Fetches as many jobs as there are free slots and starts each; one fetch at a time. */
  const fill = async () => {
    if (fetching || stopping) return;
    fetching = true;
    try {
      while (freeSlots.length > 0 && !stopping) {
        const jobs = await boss.fetch<RunJob>(RUN_QUEUE, { batchSize: freeSlots.length, priority: true });
        if (jobs.length === 0) break;
        for (const job of jobs) {
          const running = run(job, freeSlots.shift()!).finally(() => {
            inFlight.delete(running);
            void fill();
          });
          inFlight.add(running);
        }
      }
    } catch (error) {
      log().warn({ err: error }, "worker could not fetch jobs");
    } finally {
      fetching = false;
    }
  };

  const run = async (job: PgBoss.Job<RunJob>, slot: number) => {
    try {
      // Recorded before the program starts, so if this worker dies the app knows the job began (see registry.ts).
      if (!(await markStarted(pool, job.id, id))) {
        await boss.fail(RUN_QUEUE, job.id, { message: "it was handed out again after it had started; not run twice" });
        return;
      }
      await beat();
      const { request, extraFiles } = job.data;
      const result = await runCode(request, {
        slot,
        extraFiles,
        onPhase: (phase) => void publishJobEvent({ job: job.id, phase }).catch(() => {}),
      });
      await boss.complete(RUN_QUEUE, job.id, result);
      runs += 1;
    } catch (error) {
      log().error({ err: error, job: job.id }, "a run failed in the worker");
      await boss.fail(RUN_QUEUE, job.id, { message: "the worker met an error" }).catch(() => {});
    } finally {
      freeSlots.push(slot);
      await beat();
      await publishJobEvent({ job: job.id, done: true }).catch(() => {});
    }
  };

  const newJobs = await onNewJobs(() => void fill());
  const poll = setInterval(() => void fill(), POLL_MS);
  const beating = setInterval(() => void beat(), HEARTBEAT_MS);
  const sweeping = setInterval(() => void sweepRegistry(pool).catch(() => {}), 60 * 60_000);
  void fill();
  log().info({ worker: id, name, concurrency }, "runner worker ready");

  return {
    id,
    async stop() {
      stopping = true;
      clearInterval(poll);
      clearInterval(sweeping);
      await newJobs.close();
      await Promise.allSettled([...inFlight]);
      clearInterval(beating);
      await leave(pool, id).catch(() => {});
      await stopRunnerBoss();
    },
  };
}
