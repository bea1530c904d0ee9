import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutEverywhere } from "@/components/auth/sign-out-everywhere";
import { DeleteAccountForm } from "@/components/progress/delete-account-form";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import "@/components/progress/progress.css";
import { whileDatabaseAnswers } from "../database-unavailable";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  return (
    <div className="dashboard">
      <h1>Your account</h1>
      {await whileDatabaseAnswers("account", async () => {
        const user = await currentUser();
        if (!user) redirect("/signin?callbackUrl=/account");
        return <AccountSections user={user} />;
      })}
    </div>
  );
}

function AccountSections({ user }: { user: SessionUser }) {
  return (
    <>
      <p>
        Signed in as <strong data-testid="account-email">{user.email}</strong>
        {user.name ? ` (${user.name})` : ""}.
      </p>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export my data</h2>
        <p>
          One JSON file with everything we keep about you: lessons, time spent, quiz attempts and answers, exercise
          submissions, code drafts, topic mastery, review items, activity and onboarding answers.
        </p>
        <a className="button" href="/api/account/export" download data-testid="export-link">
          Download my data (JSON)
        </a>
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sign out everywhere</h2>
        <p>Ends every session of your account, on every device and browser, this one included.</p>
        <SignOutEverywhere />
      </section>
      <section className="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete my account</h2>
        <p>This removes your account and all its data at once. It cannot be undone; export your data first if you want a copy.</p>
        <DeleteAccountForm email={user.email} />
      </section>
    </>
  );
}
