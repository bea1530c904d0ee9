import { currentUser } from "@/lib/auth/session";
import { createPathHandler } from "@/lib/path/http";
import { getLearnerState, getOnboardingAnswers } from "@/lib/path/store";

export const GET = createPathHandler({
  currentUser,
  getOnboardingAnswers: (args) => getOnboardingAnswers(args),
  getLearnerState: (args) => getLearnerState(args),
});
