import { vi } from "vitest";

/**
 * A `window` with an in-memory localStorage, for code that keeps the guest's progress in the browser. Returns the map
 * behind it (cleared), so a test can read and plant what the page would find.
 */
export function stubBrowserStorage(): Map<string, string> {
  const storage = new Map<string, string>();
  vi.stubGlobal("window", {
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
      removeItem: (key: string) => void storage.delete(key),
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
  return storage;
}
