import type { Metadata } from "next";
import Link from "next/link";
import { GuestPath, OnboardingPrompt } from "@/components/path/guest-path";
import { PathView } from "@/components/path/path-view";
import { currentUser } from "@/lib/auth/session";
import { getPathCatalog } from "@/lib/path/catalog-source";
import { buildPath } from "@/lib/path/engine";
import { getLearnerState, getOnboardingAnswers } from "@/lib/path/store";

export const metadata: Metadata = { title: "Your learning path" };

async function LearnerPath({ userId }: { userId: string }) {
  const answers = await getOnboardingAnswers({ userId });
  if (!answers) return <OnboardingPrompt />;
  const learner = await getLearnerState({ userId });
  const path = buildPath({ answers, learner, catalog: getPathCatalog(), now: new Date() });
  return <PathView path={path} hoursPerWeek={answers.hoursPerWeek} />;
}

export default async function PathPage() {
  const user = await currentUser();
  return (
    <>
      <div className="page-heading">
        <h1>Your learning path</h1>
        <p className="muted">
          <Link href="/onboarding">Change your answers</Link> · <Link href="/advisor">Stack advisor</Link>
        </p>
      </div>
      {user ? <LearnerPath userId={user.id} /> : <GuestPath />}
    </>
  );
}
