import pg from "pg";
import { log } from "@/lib/log";
import { runPhaseSchema, type RunPhase } from "../types";
import { queuePool } from "./boss";

// What a worker tells the app instance waiting for a run, through PostgreSQL's LISTEN/NOTIFY: each phase as it
// happens (compiling, running) and "done", so the app reads the result at once instead of polling for it. A missed
// notification (a reconnect) costs only latency: the waiting app also polls the job (submit.ts).

/** Worker → app: a job's phase, or that it finished (its result is in the job). */
const RUN_EVENTS = "backend_paths_run_events";
/** App → workers: a job was queued, fetch now rather than at the next poll. */
const NEW_JOBS = "backend_paths_new_jobs";

export type JobEvent = { job: string; phase: RunPhase } | { job: string; done: true };

export async function publishJobEvent(event: JobEvent): Promise<void> {
  await queuePool().query("SELECT pg_notify($1, $2)", [RUN_EVENTS, JSON.stringify(event)]);
}

/** Wakes the workers; inside the sending transaction it is delivered when that commits. */
export async function announceNewJob(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_notify($1, '')", [NEW_JOBS]);
}

function parseEvent(payload: string | undefined): JobEvent | undefined {
  try {
    const value = JSON.parse(payload ?? "") as { job?: unknown; phase?: unknown; done?: unknown };
    if (typeof value.job !== "string") return undefined;
    if (value.done === true) return { job: value.job, done: true };
    const phase = runPhaseSchema.safeParse(value.phase);
    return phase.success ? { job: value.job, phase: phase.data } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One dedicated connection per process LISTENing on `channel` (a pooled one would be handed to other queries), opened
 * on first use and again a second after it drops, until closed.
 */
function listener(channel: string, deliver: (payload: string | undefined) => void) {
  let connected: Promise<pg.Client> | undefined;
  let closed = false;
  const connect = () => {
    connected ??= (async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "backend-paths-listen" });
      const reconnect = () => {
        connected = undefined;
        client.end().catch(() => {});
        if (!closed) setTimeout(() => void connect().catch(() => {}), 1000).unref();
      };
      client.on("error", (error) => {
        log().warn({ err: error, channel }, "the job queue's listening connection dropped");
        reconnect();
      });
      client.on("notification", (message) => deliver(message.payload));
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        reconnect();
        throw error;
      }
      return client;
    })();
    return connected;
  };
  return {
    ready: async () => void (await connect()),
    close: async () => {
      closed = true;
      const client = connected && (await connected.catch(() => undefined));
      connected = undefined;
      await client?.end().catch(() => {});
    },
  };
}

const handlers = new Map<string, (event: JobEvent) => void>();
let runEvents: ReturnType<typeof listener> | undefined;

/**
 * Hears `job`'s events until the returned function is called. Resolves once listening, so a caller that subscribes
 * before it sends the job cannot miss an event.
 */
export async function onJobEvents(job: string, handler: (event: JobEvent) => void): Promise<() => void> {
  runEvents ??= listener(RUN_EVENTS, (payload) => {
    const event = parseEvent(payload);
    if (event) handlers.get(event.job)?.(event);
  });
  handlers.set(job, handler);
  try {
    await runEvents.ready();
  } catch (error) {
    handlers.delete(job);
    throw error;
  }
  return () => handlers.delete(job);
}

/** Closes this process's listening connection for job events (a test's teardown; a new subscription opens it again). */
export async function closeJobEvents(): Promise<void> {
  const closing = runEvents;
  runEvents = undefined;
  await closing?.close();
}

/** Calls `wake` whenever an app queues a job, until `close`. */
export async function onNewJobs(wake: () => void): Promise<{ close: () => Promise<void> }> {
  const newJobs = listener(NEW_JOBS, wake);
  await newJobs.ready();
  return newJobs;
}
