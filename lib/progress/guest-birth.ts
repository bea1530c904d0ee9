import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import type { GuestBirth, GuestState } from "./guest-schema";

// When a guest store was born, in the server's word: the browser asks for it when it starts keeping progress and
// sends it back with the merge. The seal is an HMAC over the guest id and the instant, so the browser can neither
// move its birth earlier nor lend it to another store. It is what the merge's time window starts from
// (lib/progress/bounds.ts); without it, a browser's account of its own past is only its word.

function seal(guestId: string, at: string, secret: string): string {
  return createHmac("sha256", secret).update(`guest-birth\n${guestId}\n${at}`).digest("base64url");
}

/** A new guest id with its birth sealed at `now`. */
export function issueGuestBirth(now = new Date(), secret = env().NEXTAUTH_SECRET): { guestId: string; birth: GuestBirth } {
  const guestId = randomBytes(16).toString("hex");
  const at = now.toISOString();
  return { guestId, birth: { at, seal: seal(guestId, at, secret) } };
}

/** The store's birth when its seal holds and it is not in the future, else null. */
export function verifiedGuestBirth(guest: Pick<GuestState, "guestId" | "birth">, now = new Date(), secret = env().NEXTAUTH_SECRET): Date | null {
  if (!guest.birth) return null;
  const expected = Buffer.from(seal(guest.guestId, guest.birth.at, secret));
  const given = Buffer.from(guest.birth.seal);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const at = new Date(guest.birth.at);
  return at.getTime() <= now.getTime() ? at : null;
}
