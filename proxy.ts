import { NextResponse, type NextRequest } from "next/server";
import { AppError, errorResponse } from "@/lib/errors";
import { isDecodablePath } from "@/lib/http/path-segment";
import { crossSiteWrite } from "@/lib/http/same-origin";
import { strictTransportSecurity } from "@/lib/http/security-headers";

// Runs before every route: refuses what no route should see (a malformed %-encoding, which Next itself would answer
// with a 500; a state-changing API request from another site) and adds HSTS, which depends on the public URL at
// run time. The fixed security headers come from next.config.ts.

function withRuntimeHeaders(response: Response): Response {
  for (const { key, value } of strictTransportSecurity(process.env.NEXTAUTH_URL)) response.headers.set(key, value);
  return response;
}

export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (!isDecodablePath(pathname)) {
    const error = new AppError("bad_request:path");
    return withRuntimeHeaders(api ? errorResponse(error) : new Response(error.message, { status: error.status, headers: { "content-type": "text/plain; charset=utf-8" } }));
  }
  // Server actions (POSTs to pages) are left to Next's own origin check; next-auth's forms post from this origin.
  if (api && crossSiteWrite(request, process.env.NEXTAUTH_URL)) return withRuntimeHeaders(errorResponse(new AppError("forbidden:origin")));
  return withRuntimeHeaders(NextResponse.next());
}

export const config = {
  // Built files and Pyodide are served from disk as they are; everything else passes through here.
  matcher: ["/((?!_next/static/|vendor/).*)"],
};
