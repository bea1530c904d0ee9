"use client";

import Link from "next/link";
import { useMemo, useSyncExternalStore } from "react";
import type { CourseIndex } from "@/lib/content/course-index";
import { guestSummary, readGuestState, subscribeGuestState } from "@/lib/progress/guest-store";
import { DashboardView } from "./dashboard-view";

const noState = () => null;

/** A guest's dashboard, from this browser's own records. */
export function GuestDashboard({ course }: { course: CourseIndex }) {
  const guest = useSyncExternalStore(subscribeGuestState, readGuestState, noState);
  const today = useMemo(() => new Date(), []);
  const summary = useMemo(() => guestSummary(guest, today), [guest, today]);
  return (
    <>
      <div className="alert alert-success" data-testid="guest-invite">
        <p>
          You are learning as a guest: your progress is kept in this browser only.{" "}
          <Link href="/signup?callbackUrl=/dashboard">Sign up</Link> or <Link href="/signin?callbackUrl=/dashboard">sign in</Link> to keep it on
          every device; nothing you did here is lost.
        </p>
      </div>
      <DashboardView summary={summary} today={today} course={course} />
    </>
  );
}
