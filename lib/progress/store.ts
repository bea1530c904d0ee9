import "server-only";
import { db, type Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { dayKey } from "./rules";

// Shared plumbing for the progress data modules: which client to use, and the per-day activity counter.

export type Tx = Prisma.TransactionClient;

/** The app's client unless a test passes its own throwaway database. */
export function clientOr(client: Db | undefined): Db {
  return client ?? db();
}

export async function bumpActivity(tx: Tx, input: { userId: string; at: Date; seconds: number; actions: number }) {
  const day = dayKey(input.at);
  await tx.activityDay.upsert({
    where: { userId_day: { userId: input.userId, day } },
    create: { userId: input.userId, day, secondsSpent: input.seconds, actions: input.actions },
    update: { secondsSpent: { increment: input.seconds }, actions: { increment: input.actions } },
  });
}

/** Records a client-made event id; false when it was applied before (a retried save), so the caller skips it. */
export async function claimEvent(tx: Tx, input: { userId: string; eventId: string }): Promise<boolean> {
  const seen = await tx.progressEvent.findUnique({ where: { userId_eventId: input }, select: { id: true } });
  if (seen) return false;
  await tx.progressEvent.create({ data: input });
  return true;
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
