import type { Entry, EntryBackend } from "./entry-store";

/** Entries in this process's memory: each update runs in one synchronous step, so no other can come in between. */
export function memoryEntries(now: () => number): EntryBackend {
  const entries = new Map<string, Entry>();
  return {
    update(keys, decide) {
      const t = now();
      const live = new Map<string, Entry>();
      for (const key of keys) {
        const entry = entries.get(key);
        if (entry && entry.expiresAt > t) live.set(key, entry);
      }
      const { result, writes } = decide(live);
      for (const [key, entry] of writes) {
        if (entry) entries.set(key, entry);
        else entries.delete(key);
      }
      return Promise.resolve(result);
    },
    sweep() {
      const t = now();
      for (const [key, entry] of entries) if (entry.expiresAt <= t) entries.delete(key);
      return Promise.resolve();
    },
  };
}
