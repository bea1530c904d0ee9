import { randomUUID } from "node:crypto";
import os from "node:os";
import type PgBoss from "pg-boss";
import { log } from "@/lib/log";
import { runCode } from "../run-code";
import { runnerSettings } from "../settings";
import { NEVER_STARTED, queuePool, RUN_QUEUE, runnerBoss, stopRunnerBoss } from "./boss";
import { onNewJobs, publishJobEvent } from "./events";
import { heartbeat, HEARTBEAT_MS, leave, markTaken, registerWorker, release, sweepRegistry, tryStart, type WorkerReport } from "./registry";
import type { RunJob } from "./submit";

// `npm run worker`: takes runs from the job queue and runs them in this host's sandbox, RUNNER_CONCURRENCY at once
// (each slot its own sandbox uid, as in the web server's in-process queue). A run it takes waits here, without a
// slot, while its client already has RUNNER_PER_CLIENT programs running on any worker, so one learner cannot hold
// every slot of every host. It fetches when an app announces a job and every POLL_MS besides (more often while it
// holds runs waiting for their client), reports itself every HEARTBEAT_MS, and on SIGTERM finishes the runs it
// started, hands back the ones it had not, and leaves.

const POLL_MS = 500;
const HELD_POLL_MS = 150;

type Job = PgBoss.Job<RunJob>;

export type RunnerWorker = { id: string; stop: () => Promise<void> };

const SETTLE_TRIES = 30;
const SETTLE_PAUSE_MS = 2000;

/** Tries to record a job's outcome for about a minute; false if PostgreSQL never took it (pg-boss then expires the job). */
async function untilSettled(settle: () => Promise<unknown>, job: string): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await settle();
      return true;
    } catch (error) {
      if (attempt === SETTLE_TRIES) {
        log().error({ err: error, job }, "a run's answer could not be recorded");
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
    }
  }
}

export async function startRunnerWorker({ name = os.hostname(), report = {} }: { name?: string; report?: WorkerReport } = {}): Promise<RunnerWorker> {
  const pool = queuePool();
  const boss = await runnerBoss();
  const { concurrency, perClient, queueSize } = runnerSettings();
  const id = randomUUID();
  const freeSlots = Array.from({ length: concurrency }, (_, slot) => slot);
  /** Taken, waiting for their client to have a program fewer running; oldest first. */
  const held: Job[] = [];
  const inFlight = new Set<Promise<void>>();
  let runs = 0;
  let stopping = false;
  let filling = false;

  await registerWorker(pool, { id, name, host: os.hostname(), pid: process.pid, concurrency, report });
  const beat = () => heartbeat(pool, id, concurrency - freeSlots.length, runs).catch((error: unknown) => log().warn({ err: error }, "worker heartbeat failed"));

  /** Starts what it holds where the client allows, then takes more while slots are free; one pass at a time. */
  const fill = async () => {
    if (filling || stopping) return;
    filling = true;
    try {
      for (;;) {
        for (const job of [...held]) {
          if (freeSlots.length === 0 || stopping) return;
          if (!(await tryStart(pool, job.id, job.data.client, perClient))) continue;
          held.splice(held.indexOf(job), 1);
          const running = run(job, freeSlots.shift()!).finally(() => {
            inFlight.delete(running);
            void fill();
          });
          inFlight.add(running);
        }
        // Held runs are bounded by the line's own bounds; this only stops a worker hoarding what others could start.
        if (freeSlots.length === 0 || stopping || held.length >= queueSize) return;
        const jobs = await boss.fetch<RunJob>(RUN_QUEUE, { batchSize: freeSlots.length, priority: true });
        if (jobs.length === 0) return;
        for (const job of jobs) {
          if (await markTaken(pool, job.id, id, job.data.client)) held.push(job);
          else await boss.fail(RUN_QUEUE, job.id, { message: "it was handed out again after another worker took it; not run twice" });
        }
      }
    } catch (error) {
      log().warn({ err: error }, "worker could not take or start jobs");
    } finally {
      filling = false;
    }
  };

  const run = async (job: Job, slot: number) => {
    let settle: () => Promise<unknown>;
    try {
      await beat();
      const { request, extraFiles } = job.data;
      const result = await runCode(request, {
        slot,
        extraFiles,
        onPhase: (phase) => void publishJobEvent({ job: job.id, phase }).catch(() => {}),
      });
      settle = () => boss.complete(RUN_QUEUE, job.id, result);
      runs += 1;
    } catch (error) {
      log().error({ err: error, job: job.id }, "a run failed in the worker");
      settle = () => boss.fail(RUN_QUEUE, job.id, { message: "the worker met an error" });
    } finally {
      freeSlots.push(slot);
    }
    // The answer is kept until PostgreSQL has it (an outage mid-run): till then the job stays started by this live
    // worker, so the waiting app keeps waiting instead of calling it lost or sending it again.
    if (await untilSettled(settle, job.id)) await release(pool, job.id).catch(() => {});
    await beat();
    await publishJobEvent({ job: job.id, done: true }).catch(() => {});
  };

  const newJobs = await onNewJobs(() => void fill());
  const poll = setInterval(() => void fill(), POLL_MS);
  const heldPoll = setInterval(() => held.length > 0 && void fill(), HELD_POLL_MS);
  const beating = setInterval(() => void beat(), HEARTBEAT_MS);
  const sweeping = setInterval(() => void sweepRegistry(pool).catch(() => {}), 60 * 60_000);
  void fill();
  log().info({ worker: id, name, concurrency, report }, "runner worker ready");

  return {
    id,
    async stop() {
      stopping = true;
      for (const timer of [poll, heldPoll, sweeping]) clearInterval(timer);
      await newJobs.close();
      // What it took but never started goes back to its app, which sends it once more (submit.ts).
      for (const job of held.splice(0)) {
        await boss.fail(RUN_QUEUE, job.id, { message: NEVER_STARTED }).catch(() => {});
        await release(pool, job.id).catch(() => {});
        await publishJobEvent({ job: job.id, done: true }).catch(() => {});
      }
      await Promise.allSettled([...inFlight]);
      clearInterval(beating);
      await leave(pool, id).catch(() => {});
      await stopRunnerBoss();
    },
  };
}
