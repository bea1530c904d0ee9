"use server";

import { action } from "@/lib/http/action";
import { onboardingAnswersSchema } from "@/lib/path/schema";
import { saveOnboardingAnswers } from "@/lib/path/store";

export const saveOnboardingAction = action(
  { auth: "required", guestMessage: "Sign in to save your answers to your account.", input: onboardingAnswersSchema },
  async ({ user, input, db }) => {
    await saveOnboardingAnswers({ userId: user.id, answers: input }, db);
    return { ok: true as const };
  },
);
