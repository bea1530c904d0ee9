import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { guardAuthRequest } from "@/lib/auth/guard-request";
import { handle } from "@/lib/http/handle";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 reads params synchronously; Next 16 hands them over as a promise.
const handler = handle(async (req: Request, context: Context) => {
  const checked = await guardAuthRequest(req);
  return NextAuth(checked as never, { params: await context.params } as never, authOptions());
});

export { handler as GET, handler as POST };
