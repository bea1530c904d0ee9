import { currentUser } from "@/lib/auth/session";
import { createDraftHandlers } from "./handlers";

export const dynamic = "force-dynamic";

const handlers = createDraftHandlers({ currentUser });
export const GET = handlers.GET;
export const PUT = handlers.PUT;
export const DELETE = handlers.DELETE;
