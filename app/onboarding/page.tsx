import type { Metadata } from "next";
import { OnboardingForm } from "@/components/path/onboarding-form";
import { currentUser } from "@/lib/auth/session";
import { publicPlacement } from "@/lib/path/placement";
import { getPlacement } from "@/lib/path/placement-source";
import { getOnboardingAnswers } from "@/lib/path/store";
import { saveOnboardingAction } from "./actions";

export const metadata: Metadata = { title: "Build your learning path" };

export default async function OnboardingPage() {
  const user = await currentUser();
  const saved = user ? await getOnboardingAnswers({ userId: user.id }) : null;
  const placement = getPlacement();
  return (
    <section className="onboarding-page">
      <h1>Build your learning path</h1>
      <p className="muted">
        Four quick questions, then an optional five-minute placement quiz to skip lessons you already know. Your
        answers decide which language you start with and in what order the lessons come; you can change them any time.
        {!user && " As a guest, your answers stay in this browser until you sign up or sign in; then they come with you."}
      </p>
      <OnboardingForm initial={saved} signedIn={Boolean(user)} save={saveOnboardingAction} placement={publicPlacement(placement)} />
    </section>
  );
}
