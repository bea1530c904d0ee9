import { createHash } from "node:crypto";
import type pg from "pg";
import type { Entry, EntryBackend } from "./entry-store";

// Entries in a PostgreSQL table every app instance shares (the migrations make it: model SignInThrottle). An update is one transaction: it takes a transaction-level
// advisory lock per key, in ascending order (so two updates never wait on each other in a circle), then reads,
// decides and writes; the locks end with the transaction. Keys are stored as SHA-256 digests: the table keeps no
// email or address in clear text, and every key has one length. Times are the app's clock (milliseconds), so the
// instances' clocks should agree to well under a second, as NTP keeps them.

type Row = { key: string; count: number; at_ms: string; expires_ms: string };

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export function postgresEntries({ pool, table, now }: { pool: pg.Pool; table: string; now: () => number }): EntryBackend {
  // The advisory lock space is the whole database's (pg-boss uses it too): the table's own class id keeps ours apart.
  const lockClass = digest(table).readInt32BE(0);

  return {
    async update(keys, decide) {
      const hashes = keys.map((key) => digest(key));
      const idOf = new Map(keys.map((key, i) => [key, hashes[i]!.toString("base64url")]));
      const keyOf = new Map([...idOf].map(([key, id]) => [id, key]));
      const locks = hashes.map((hash) => hash.readInt32BE(0)).sort((a, b) => a - b);
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        // unnest yields the ids in array order and each row takes its lock as it comes: ascending, as sorted above.
        await client.query("SELECT pg_advisory_xact_lock($1, id) FROM unnest($2::int4[]) AS id", [lockClass, locks]);
        const { rows } = await client.query<Row>(`SELECT key, count, at_ms, expires_ms FROM ${table} WHERE key = ANY($1) AND expires_ms > $2`, [
          [...keyOf.keys()],
          now(),
        ]);
        const entries = new Map<string, Entry>(
          rows.map((row) => [keyOf.get(row.key)!, { count: row.count, at: Number(row.at_ms), expiresAt: Number(row.expires_ms) }]),
        );
        const { result, writes } = decide(entries);
        const kept = writes.filter((write): write is [string, Entry] => write[1] !== null);
        const deleted = writes.filter(([, entry]) => entry === null).map(([key]) => idOf.get(key)!);
        if (kept.length) {
          await client.query(
            `INSERT INTO ${table} (key, count, at_ms, expires_ms) SELECT * FROM unnest($1::text[], $2::int4[], $3::int8[], $4::int8[])
             ON CONFLICT (key) DO UPDATE SET count = EXCLUDED.count, at_ms = EXCLUDED.at_ms, expires_ms = EXCLUDED.expires_ms`,
            [kept.map(([key]) => idOf.get(key)!), kept.map(([, e]) => e.count), kept.map(([, e]) => e.at), kept.map(([, e]) => e.expiresAt)],
          );
        }
        if (deleted.length) await client.query(`DELETE FROM ${table} WHERE key = ANY($1)`, [deleted]);
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        // Closing the connection ends the transaction and its locks, whatever state the connection was left in.
        client.release(error as Error);
        throw error;
      }
    },

    async sweep() {
      // SKIP LOCKED: the sweep never waits for an update (nor makes one wait in a circle with it).
      await pool.query(`DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE expires_ms <= $1 FOR UPDATE SKIP LOCKED)`, [now()]);
    },
  };
}
