"use server";

import { currentUser } from "@/lib/auth/session";
import { onboardingAnswersSchema } from "@/lib/path/schema";
import { saveOnboardingAnswers } from "@/lib/path/store";

export type SaveAnswersState = { ok: true } | { ok: false; error: string };

export async function saveOnboardingAction(input: unknown): Promise<SaveAnswersState> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Sign in to save your answers to your account." };
  const parsed = onboardingAnswersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Those answers are not valid." };
  await saveOnboardingAnswers({ userId: user.id, answers: parsed.data });
  return { ok: true };
}
