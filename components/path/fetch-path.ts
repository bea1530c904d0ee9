import { guestLearnerState } from "@/lib/path/guest-learner";
import { pathSchema, type Path } from "@/lib/path/schema";
import { readGuestState } from "@/lib/progress/guest-store";
import { readGuestAnswers } from "./local-answers";

export type PathLoad = { kind: "no-answers" } | { kind: "error"; message: string } | { kind: "ready"; path: Path; hoursPerWeek?: number };

/**
 * The learner's current path from the browser: a signed-in learner's from GET /api/path, a guest's from the preview
 * route with the onboarding answers, placement and progress of the guest store, so both kinds of learner see one
 * adaptive engine.
 */
export async function fetchPath({ signedIn }: { signedIn: boolean }): Promise<PathLoad> {
  try {
    const answers = signedIn ? null : readGuestAnswers();
    if (!signedIn && !answers) return { kind: "no-answers" };
    const response = signedIn
      ? await fetch("/api/path", { cache: "no-store" })
      : await fetch("/api/path/preview", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ answers, learner: guestLearnerState(readGuestState(), new Date()) }),
        });
    const body = await response.json().catch(() => null);
    if (signedIn && response.status === 204) return { kind: "no-answers" };
    if (!response.ok) return { kind: "error", message: body?.error ?? "Your path could not be built." };
    const parsed = pathSchema.safeParse(body);
    if (!parsed.success) return { kind: "error", message: "Your path could not be read." };
    return { kind: "ready", path: parsed.data, hoursPerWeek: answers?.hoursPerWeek };
  } catch {
    return { kind: "error", message: "Your path could not be loaded. Check your connection." };
  }
}
