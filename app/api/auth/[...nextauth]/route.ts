import NextAuth from "next-auth";
import { z } from "zod";
import { authOptions } from "@/lib/auth/options";
import { checkAuthEndpoint, guardAuthRequest } from "@/lib/auth/guard-request";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

// next-auth reads its own session and body, so this route takes neither from route(): only the endpoint check and the
// bounded body guard in front of next-auth, and the catalogue's JSON for anything refused.
const handler = route({ params: z.object({ nextauth: z.array(z.string()) }) }, async ({ request, params }) => {
  const options = authOptions();
  checkAuthEndpoint(request.method, params.nextauth, options.providers);
  const checked = await guardAuthRequest(request);
  // next-auth 4 reads params synchronously; Next 16 hands them over as a promise, which route() has awaited.
  const response: Response = await NextAuth(checked as never, { params } as never, options);
  // next-auth refuses a bad request (no CSRF token on a session update, say) in plain text; answer in the catalogue's JSON.
  if (response.status >= 400 && response.status < 500 && !response.headers.get("content-type")?.includes("json")) {
    throw new AppError("bad_request:body", "This sign-in request is not valid.");
  }
  return response;
});

export { handler as GET, handler as POST };
