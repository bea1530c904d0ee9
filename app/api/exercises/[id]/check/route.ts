import { currentUser } from "@/lib/auth/session";
import { createCheckHandler } from "./handler";

export const dynamic = "force-dynamic";

export const POST = createCheckHandler({ currentUser });
