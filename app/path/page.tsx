import type { Metadata } from "next";
import Link from "next/link";
import { GuestPath, OnboardingPrompt } from "@/components/path/guest-path";
import { PathView } from "@/components/path/path-view";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { learnerPath } from "@/lib/path/use-cases";
import { whileDatabaseAnswers } from "../database-unavailable";

export const metadata: Metadata = { title: "Your learning path" };

/** The signed-in learner's path, or the guest's (read in the browser); awaited here so an outage is caught here. */
async function learnerOrGuestPath() {
  const user = await currentUser();
  if (!user) return <GuestPath />;
  const found = await learnerPath({ userId: user.id }, db());
  if (!found) return <OnboardingPrompt />;
  return <PathView path={found.path} hoursPerWeek={found.answers.hoursPerWeek} />;
}

export default async function PathPage() {
  return (
    <>
      <div className="page-heading">
        <h1>Your learning path</h1>
        <p className="muted">
          <Link href="/onboarding">Change your answers</Link> · <Link href="/advisor">Stack advisor</Link>
        </p>
      </div>
      {await whileDatabaseAnswers("path", learnerOrGuestPath)}
    </>
  );
}
