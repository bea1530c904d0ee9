// On its own so the browser can make (and recognise) event ids without loading the event schemas, and zod, with them.

/** What an event id looks like: 8–64 letters, digits, _ or -. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function newEventId(): string {
  return crypto.randomUUID().replaceAll("-", "");
}
