import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { checkAuthEndpoint, guardAuthRequest } from "@/lib/auth/guard-request";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handle";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 reads params synchronously; Next 16 hands them over as a promise.
const handler = handle(async (req: Request, context: Context) => {
  const params = await context.params;
  const options = authOptions();
  checkAuthEndpoint(req.method, params.nextauth, options.providers);
  const checked = await guardAuthRequest(req);
  const response: Response = await NextAuth(checked as never, { params } as never, options);
  // next-auth refuses a bad request (no CSRF token on a session update, say) in plain text; answer in the catalogue's JSON.
  if (response.status >= 400 && response.status < 500 && !response.headers.get("content-type")?.includes("json")) {
    throw new AppError("bad_request:body", "This sign-in request is not valid.");
  }
  return response;
});

export { handler as GET, handler as POST };
