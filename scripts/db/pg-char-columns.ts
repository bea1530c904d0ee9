import pg from "pg";

// The schema engine reads PostgreSQL's catalogs, whose flag columns (relkind, contype, …) have the internal
// one-byte "char" type (OID 18). @prisma/adapter-pg 7.x has no mapping for that OID and rejects the whole result,
// so the engine cannot describe a PostgreSQL database. pg already returns those values as strings; reporting them
// as text (OID 25) is all the adapter needs. Only the migration scripts install this, never the app.

const CHAR_OID = 18;
const TEXT_OID = 25;
type Fields = { dataTypeID: number }[];

function retype<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: Fields } | undefined)?.fields;
    fields?.forEach((f) => {
      if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    });
  }
  return result;
}

let installed = false;
export function reportCharColumnsAsText() {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function patchedQuery(this: pg.Client, ...args: unknown[]) {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (err: unknown, res: unknown) => callback(err, err ? res : retype(res));
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    return out instanceof Promise ? out.then(retype) : out;
  } as typeof pg.Client.prototype.query;
}
