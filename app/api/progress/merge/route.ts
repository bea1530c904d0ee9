import { currentUser } from "@/lib/auth/session";
import { createMergeHandler } from "./handler";

export const dynamic = "force-dynamic";

export const POST = createMergeHandler({ currentUser });
