import { pathSchema, type Path } from "@/lib/path/schema";
import { mayHoldGuestAnswers } from "./guest-answers-kept";

export type PathLoad = { kind: "no-answers" } | { kind: "error"; message: string } | { kind: "ready"; path: Path; hoursPerWeek?: number };

/** A guest's answers and learner state, from the full guest store (loaded only when there may be answers). */
async function guestInput() {
  if (!mayHoldGuestAnswers()) return null;
  const [{ readGuestAnswers }, { guestLearnerState }, { readGuestState }] = await Promise.all([
    import("./local-answers"),
    import("@/lib/path/guest-learner"),
    import("@/lib/progress/guest-store"),
  ]);
  const answers = readGuestAnswers();
  return answers ? { answers, learner: guestLearnerState(readGuestState(), new Date()) } : null;
}

/**
 * The learner's current path from the browser: a signed-in learner's from GET /api/path, a guest's from the preview
 * route with the onboarding answers, placement and progress of the guest store, so both kinds of learner see one
 * adaptive engine.
 */
export async function fetchPath({ signedIn }: { signedIn: boolean }): Promise<PathLoad> {
  try {
    const guest = signedIn ? null : await guestInput();
    if (!signedIn && !guest) return { kind: "no-answers" };
    const answers = guest?.answers;
    const response = guest
      ? await fetch("/api/path/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(guest) })
      : await fetch("/api/path", { cache: "no-store" });
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
