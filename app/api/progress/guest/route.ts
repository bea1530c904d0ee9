import { route } from "@/lib/http/route";
import { issueGuestBirth } from "@/lib/progress/guest-birth";

export const dynamic = "force-dynamic";

/** A new guest store's id and its birth, sealed by the server; the merge bounds the guest's activity by it. */
export const GET = route({}, async () => Response.json(issueGuestBirth(), { headers: { "Cache-Control": "no-store" } }));
