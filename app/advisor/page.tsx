import type { Metadata } from "next";
import { AdvisorForm } from "@/components/advisor/advisor-form";
import { currentUser } from "@/lib/auth/session";
import { getPathCatalog } from "@/lib/path/catalog-source";
import { getLatestAdvisorResult } from "@/lib/path/store";

export const metadata: Metadata = { title: "Stack advisor" };

export default async function AdvisorPage() {
  const user = await currentUser();
  const latest = user ? await getLatestAdvisorResult({ userId: user.id }) : null;
  const lessonTitles = Object.fromEntries(getPathCatalog().map((lesson) => [lesson.id, lesson.title]));
  return (
    <section>
      <h1>Stack advisor</h1>
      <p className="muted">
        The finale: put what the course taught about choosing to work on a project of your own, and get a reasoned
        recommendation with the lessons behind each reason.
      </p>
      <AdvisorForm
        signedIn={Boolean(user)}
        initialInput={latest?.input ?? null}
        initialResult={latest?.result ?? null}
        initialSavedAt={latest ? `on ${latest.createdAt.toISOString().slice(0, 10)}` : null}
        lessonTitles={lessonTitles}
      />
    </section>
  );
}
