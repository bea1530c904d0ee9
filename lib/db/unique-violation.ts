/**
 * Whether a Prisma error is a unique-constraint violation (P2002): a concurrent writer got there first, which
 * callers turn into "already taken" or a retry. The same code on SQLite and PostgreSQL.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
