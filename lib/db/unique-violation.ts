type PrismaError = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };

/**
 * Whether a Prisma error is a unique-constraint violation: a concurrent writer got there first, which callers turn
 * into "already taken" or a retry. Typed queries report it as P2002; raw SQL (lib/progress/ledger-writes.ts) as a
 * failed raw query (P2010) whose driver error is of that kind. The same on SQLite and PostgreSQL.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as PrismaError | null | undefined;
  if (e?.code === "P2002") return true;
  return e?.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
