import { guestLogMayHold } from "@/lib/progress/guest-log";

/** Before the ledger, a guest's answers were a bare localStorage value under this key: they become an event once. */
export const LEGACY_ANSWERS_KEY = "bp.onboarding.v1";

/**
 * Whether this browser may hold a guest's onboarding answers. Without any there is no path to build, and every page's
 * header knows it without loading the full guest store (its checks and the progress model).
 */
export function mayHoldGuestAnswers(): boolean {
  try {
    if (localStorage.getItem(LEGACY_ANSWERS_KEY) !== null) return true;
  } catch {
    return false;
  }
  return guestLogMayHold((event) => event.type === "onboarding");
}
