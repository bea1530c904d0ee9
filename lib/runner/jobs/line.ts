import type pg from "pg";
import { RUN_QUEUE } from "./boss";

// The line of runs as every app instance sees it, counted in PostgreSQL: "running" are runs a worker has started;
// "waiting" are the rest: queued, or taken by a worker and waiting for their client to have a program fewer running
// (registry.ts tryStart). `mine…` count one client's.

export type Line = { running: number; waiting: number; mine: number; mineWaiting: number };

type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

export async function lineOf(db: Queryable, client = ""): Promise<Line> {
  const { rows } = await db.query<Line>(
    `SELECT count(*) FILTER (WHERE r."startedAt" IS NOT NULL)::int AS running,
            count(*) FILTER (WHERE r."startedAt" IS NULL)::int AS waiting,
            count(*) FILTER (WHERE j.data->>'client' = $2)::int AS mine,
            count(*) FILTER (WHERE r."startedAt" IS NULL AND j.data->>'client' = $2)::int AS "mineWaiting"
       FROM pgboss.job j LEFT JOIN "RunnerJob" r ON r."jobId" = j.id::text
      WHERE j.name = $1 AND j.state <= 'active'`,
    [RUN_QUEUE, client],
  );
  return rows[0]!;
}
