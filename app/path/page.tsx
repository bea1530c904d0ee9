import type { Metadata } from "next";
import Link from "next/link";
import { GuestPath, OnboardingPrompt } from "@/components/path/guest-path";
import { PathView } from "@/components/path/path-view";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { learnerPath } from "@/lib/path/use-cases";

export const metadata: Metadata = { title: "Your learning path" };

async function LearnerPath({ userId }: { userId: string }) {
  const found = await learnerPath({ userId }, db());
  if (!found) return <OnboardingPrompt />;
  return <PathView path={found.path} hoursPerWeek={found.answers.hoursPerWeek} />;
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
