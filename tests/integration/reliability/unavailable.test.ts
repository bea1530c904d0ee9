import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db/create";
import { databaseUnavailable } from "@/lib/db/unavailable";
import { knownError } from "@/lib/errors";

// Which errors are an outage (503) and which a bug (500). The PostgreSQL shapes are the ones a stopped server
// produced through Prisma 7 and @prisma/adapter-pg (outage.test.ts stops a real one); SQLite's is produced here.

const adapterError = (code: string, cause: unknown, message = "Invalid invocation") =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("databaseUnavailable", () => {
  it.each([
    ["P1001 from a refused connection", adapterError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }), "not reachable"],
    ["P2010 wrapping 57P01 (admin shutdown)", adapterError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01", severity: "FATAL" }), "shutting down"],
    ["53300 too many connections", adapterError("P2010", { kind: "TooManyConnections", cause: "sorry, too many clients already" }), "too many connections"],
    ["a pool timeout (P2024)", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }), "too many connections"],
    ["an initialization error (P1001 as errorCode)", Object.assign(new Error("Can't reach database server"), { errorCode: "P1001" }), "not reachable"],
    ["a reset socket", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read", errno: -104 }), "connection closed"],
    ["pg-pool's connection timeout", new Error("Connection terminated due to connection timeout"), "timed out"],
    ["a busy SQLite (mapped to SocketTimeout)", adapterError("P2010", { kind: "SocketTimeout" }), "timed out"],
    ["SQLITE_IOERR_WRITE", adapterError("P2010", { kind: "sqlite", extendedCode: 778, originalCode: "SQLITE_IOERR_WRITE" }), "disk input/output error"],
    ["a cause chain", new Error("use case failed", { cause: Object.assign(new Error("busy"), { code: "SQLITE_BUSY" }) }), "busy"],
  ])("calls %s an outage", (_, error, reason) => {
    expect(databaseUnavailable(error)).toBe(reason);
    expect(knownError(error)).toMatchObject({ code: "unavailable:database", status: 503, headers: { "Retry-After": "5" } });
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a syntax error", adapterError("P2010", { kind: "postgres", code: "42601", severity: "ERROR" })],
    ["a missing table", adapterError("P2021", { kind: "TableDoesNotExist" })],
    ["a plain bug", new TypeError("x is undefined")],
    ["not an error at all", "oops"],
  ])("does not call %s an outage", (_, error) => {
    expect(databaseUnavailable(error)).toBeNull();
    expect(knownError(error)).toBeNull();
  });

  it.each([
    ["a folder, not a file (SQLITE_CANTOPEN)", os.tmpdir()],
    ["a file in a folder that is gone", path.join(os.tmpdir(), "bp-gone", "backend-paths.db")],
  ])("calls a SQLite database that cannot be opened an outage: %s (real errors through Prisma)", async (_, file) => {
    const db = createDb({ provider: "sqlite", url: `file:${file}`, file });
    const error = await db.$queryRawUnsafe("SELECT 1").catch((e: unknown) => e);
    expect(databaseUnavailable(error)).toBe("cannot open the database file");
  });

  it("reads PostgreSQL's own errors straight from pg (the job queue and the shared counters use it without Prisma)", async () => {
    const client = new pg.Client({ connectionString: inject("postgresUrl") });
    client.on("error", () => {});
    await client.connect();
    const syntax = await client.query("SELEC 1").catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: "42601", severity: "ERROR" });
    expect(databaseUnavailable(syntax)).toBeNull();
    // The server ending this very session: what a restart or failover does to every open connection.
    const ended = await client.query("SELECT pg_terminate_backend(pg_backend_pid())").catch((e: unknown) => e);
    expect(ended).toMatchObject({ code: "57P01", severity: "FATAL" });
    expect(databaseUnavailable(ended)).toBe("shutting down");
    await client.end().catch(() => {});
  });
});
