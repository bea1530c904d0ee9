import type { Db } from "@/lib/db/create";

/** A database that fails any use: given to a route for a guest, it proves the guest's request wrote and read nothing. */
export const NO_DB = new Proxy({} as Db, {
  get(_target, name) {
    if (name === "then") return undefined; // not a promise: it may be passed through async code
    throw new Error(`a guest's request must not touch the database (it used ${String(name)})`);
  },
});
