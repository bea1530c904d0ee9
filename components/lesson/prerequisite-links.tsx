import Link from "next/link";
import { getLessonById } from "@/lib/content/catalog";

/** "Builds on: A, B" with links to the lessons; `none` is said when there are none (or nothing is rendered). */
export function PrerequisiteLinks({ ids, none }: { ids: string[]; none?: string }) {
  if (ids.length === 0 && !none) return null;
  return (
    <p className="muted">
      Builds on:{" "}
      {ids.length === 0
        ? none
        : ids.map((id, i) => {
            const pre = getLessonById(id);
            return (
              <span key={id}>
                {i > 0 ? ", " : ""}
                {pre ? <Link href={pre.href}>{pre.title}</Link> : id}
              </span>
            );
          })}
    </p>
  );
}
