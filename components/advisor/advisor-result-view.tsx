import Link from "next/link";
import { lessonHref } from "@/components/path/labels";
import { TRACK_LABELS } from "@/lib/course/vocabulary";
import type { AdvisorResult } from "@/lib/path/advisor-schema";

type Props = { result: AdvisorResult; lessonTitles: Record<string, string>; savedAt?: string | null };

export function AdvisorResultView({ result, lessonTitles, savedAt }: Props) {
  const name = TRACK_LABELS[result.recommendation];
  return (
    <section className="card advisor-result" aria-labelledby="advisor-result-heading" data-recommendation={result.recommendation}>
      <h2 id="advisor-result-heading" tabIndex={-1}>
        Recommendation: <span data-testid="advisor-recommendation">{name}</span>
      </h2>
      {savedAt && <p className="muted">Saved to your account {savedAt}.</p>}
      <h3>Why</h3>
      <ul className="advisor-reasons">
        {result.reasons.map((reason) => (
          <li key={reason.text} data-effect={reason.effect}>
            {reason.effect === "against" && <strong>Trade-off: </strong>}
            {reason.text}
            {reason.lessonId && (
              <>
                {" "}
                <Link href={lessonHref(reason.lessonId)} className="advisor-lesson-link">
                  Lesson: {lessonTitles[reason.lessonId] ?? reason.lessonId}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
      {result.alternatives.length > 0 && (
        <>
          <h3>Alternatives</h3>
          <ul>
            {result.alternatives.map((alternative) => (
              <li key={alternative.language}>{alternative.note}</li>
            ))}
          </ul>
        </>
      )}
      <h3>Your path beyond this course</h3>
      <ol className="advisor-beyond">
        {result.beyond.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
