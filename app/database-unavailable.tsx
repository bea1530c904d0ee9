import "server-only";
import type { ReactNode } from "react";
import { databaseUnavailable } from "@/lib/db/unavailable";
import { log } from "@/lib/log";

// Pages that read the database (dashboard, path, account) render this notice during an outage instead of the
// generic error page: an error boundary cannot tell an outage from a bug, because in production Next hands it only a
// digest. Anything else is thrown on, to the error boundary (and redirects and not-found keep working).

/** Renders the page, or the notice when the database is not answering. */
export async function whileDatabaseAnswers(page: string, render: () => Promise<ReactNode>): Promise<ReactNode> {
  try {
    return await render();
  } catch (error) {
    const reason = databaseUnavailable(error);
    if (!reason) throw error;
    log().warn({ page, reason }, "page rendered without the database");
    return <DatabaseUnavailable />;
  }
}

function DatabaseUnavailable() {
  return (
    <section className="card" role="status" data-testid="database-unavailable" style={{ maxWidth: "36rem" }}>
      <h2>Temporarily unavailable</h2>
      <p>
        We cannot reach our database right now, so this page cannot show your progress. Lessons still work, and what you
        do in them is kept in this browser and saved when we are back. Try again in a moment.
      </p>
    </section>
  );
}
