import { currentUser } from "@/lib/auth/session";
import { createAdvisorHandler } from "@/lib/path/http";
import { saveAdvisorResult } from "@/lib/path/store";

export const POST = createAdvisorHandler({ currentUser, saveAdvisorResult: (args) => saveAdvisorResult(args) });
