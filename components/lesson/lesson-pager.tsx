import Link from "next/link";
import type { Lesson } from "@/lib/content/load";

export function LessonPager({ previous, next }: { previous?: Lesson; next?: Lesson }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Lessons" className="lesson-pager">
      {previous ? (
        <Link href={previous.href} rel="prev" className="pager-link pager-previous">
          <span className="muted">
            Previous <kbd>k</kbd>
          </span>
          <span>{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={next.href} rel="next" className="pager-link pager-next">
          <span className="muted">
            Next <kbd>j</kbd>
          </span>
          <span>{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
