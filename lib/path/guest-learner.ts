import type { GuestState } from "../progress/guest-schema";
import { guestRecords } from "../progress/guest-store";
import { learnerState } from "../progress/summary";
import type { LearnerState } from "./schema";

// A guest's learner state for the path engine, from the events in the browser, by the same progress model the server
// applies to an account: a guest's path adapts exactly as a signed-in learner's does.

export function guestLearnerState(guest: GuestState | null, now: Date): LearnerState | undefined {
  return guest ? learnerState(guestRecords(guest, now)) : undefined;
}
