import { createPreviewHandler } from "@/lib/path/http";

export const POST = createPreviewHandler();
