import { currentUser } from "@/lib/auth/session";
import { createPlacementHandler } from "@/lib/path/http";
import { getPlacement } from "@/lib/path/placement-source";
import { getOnboardingAnswers, saveOnboardingAnswers } from "@/lib/path/store";

export const dynamic = "force-dynamic";

export const POST = createPlacementHandler({
  currentUser,
  getPlacement,
  getOnboardingAnswers: (args) => getOnboardingAnswers(args),
  saveOnboardingAnswers: (args) => saveOnboardingAnswers(args),
});
