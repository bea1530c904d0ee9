import type { SubmittedAnswers } from "@/lib/content/quiz-schema";
import { onboardingAnswersSchema, type OnboardingAnswers } from "@/lib/path/schema";
import { newEventId, readGuestState, recordGuestEvent, guestRecords } from "@/lib/progress/guest-store";
import { LEGACY_ANSWERS_KEY } from "./guest-answers-kept";

// A guest's onboarding answers and placement are events in the guest store (lib/progress/guest-store.ts), so the
// merge on sign-in carries them to the account like the rest of the guest's progress. Signed-in learners' answers
// live on the server only.

/**
 * Only a guest's page migrates: for a signed-in learner the old value was a copy of the account's answers, which
 * must not come back over newer answers from another device.
 */
function migrateLegacyAnswers() {
  try {
    const raw = localStorage.getItem(LEGACY_ANSWERS_KEY);
    if (raw === null) return;
    localStorage.removeItem(LEGACY_ANSWERS_KEY);
    const parsed = onboardingAnswersSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || guestRecords(readGuestState(), new Date()).onboarding) return;
    // Its placement, if any, was graded by the server at the time; the answers behind it were not kept, so it comes
    // over as it was.
    recordGuestEvent({ type: "onboarding", id: newEventId(), at: new Date().toISOString(), answers: parsed.data });
  } catch {
    // Unreadable or blocked storage: nothing to carry over.
  }
}

/** The guest's current answers, with the placement result the store holds for them, or null before onboarding. */
export function readGuestAnswers(): OnboardingAnswers | null {
  migrateLegacyAnswers();
  return guestRecords(readGuestState(), new Date()).onboarding?.answers ?? null;
}

/** Keeps a guest's answers; a placement in them is left out, as it is kept as its own (re-gradable) event. */
export function recordGuestAnswers(answers: OnboardingAnswers) {
  const { placement: _placement, ...rest } = answers;
  recordGuestEvent({ type: "onboarding", id: newEventId(), at: new Date().toISOString(), answers: rest });
}

/** Keeps a guest's placement quiz: the answers (the server grades them again on merge) and what they passed. */
export function recordGuestPlacement(answers: Record<string, SubmittedAnswers>, passedLessonIds: string[]) {
  recordGuestEvent({ type: "placement", id: newEventId(), at: new Date().toISOString(), answers }, { passedLessonIds });
}
