import type { Metadata } from "next";
import { GuestDashboard } from "@/components/dashboard/guest-dashboard";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { currentUser } from "@/lib/auth/session";
import { getCourseIndex } from "@/lib/content/course-index";
import { progressSummary } from "@/lib/progress/use-cases";
import "@/components/progress/progress.css";
import { whileDatabaseAnswers } from "../database-unavailable";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const today = new Date();
  const course = getCourseIndex();
  return (
    <>
      <h1>Your dashboard</h1>
      {await whileDatabaseAnswers("dashboard", async () => {
        const user = await currentUser();
        if (!user) return <GuestDashboard course={course} />;
        return <DashboardView summary={await progressSummary({ userId: user.id }, { now: today })} today={today} course={course} />;
      })}
    </>
  );
}
