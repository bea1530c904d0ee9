import { onboardingAnswersSchema, type OnboardingAnswers } from "@/lib/path/schema";

// Guests keep their onboarding answers in this browser; signed-in learners also keep a copy so the path page can
// show something at once. Whatever is stored is parsed again: it may be old, edited or from another version.
const KEY = "bp.onboarding.v1";

export function readLocalAnswers(): OnboardingAnswers | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = onboardingAnswersSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeLocalAnswers(answers: OnboardingAnswers): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(answers));
    return true;
  } catch {
    return false;
  }
}
