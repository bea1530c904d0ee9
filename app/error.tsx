"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="card" role="alert" style={{ maxWidth: "36rem" }}>
      <h1>Something went wrong</h1>
      <p>This page hit an unexpected error. Your progress is safe; try again, and if it keeps happening, reload.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>Try again</button>
    </section>
  );
}
