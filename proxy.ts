import { NextResponse, type NextRequest } from "next/server";
import { AppError, errorResponse } from "@/lib/errors";
import { isDecodablePath } from "@/lib/http/path-segment";
import { crossSiteWrite } from "@/lib/http/same-origin";
import { strictTransportSecurity } from "@/lib/http/security-headers";

// Runs before every route: refuses what no route should see (a malformed %-encoding or a broken form posted to a
// page, which Next itself would answer with a 500; a state-changing API request from another site) and adds HSTS,
// which depends on the public URL at run time. The fixed security headers come from next.config.ts.

function withRuntimeHeaders(response: Response): Response {
  for (const { key, value } of strictTransportSecurity(process.env.NEXTAUTH_URL)) response.headers.set(key, value);
  return response;
}

function refuse(error: AppError, api: boolean): Response {
  const plain = () => new Response(error.message, { status: error.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  return withRuntimeHeaders(api ? errorResponse(error) : plain());
}

/** Next reads a multipart POST to a page as a server action submitted without JavaScript; a broken one is a 500. */
async function unreadableForm(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) return false;
  return request.clone().formData().then(
    () => false,
    () => true,
  );
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (!isDecodablePath(pathname)) return refuse(new AppError("bad_request:path"), api);
  if (!api && (await unreadableForm(request))) return refuse(new AppError("bad_request:body", "The form data is not valid."), api);
  // Server actions (POSTs to pages) are left to Next's own origin check; next-auth's forms post from this origin.
  if (api && crossSiteWrite(request, process.env.NEXTAUTH_URL)) return refuse(new AppError("forbidden:origin"), api);
  return withRuntimeHeaders(NextResponse.next());
}

export const config = {
  // Not every page view: running the proxy costs static pages a large part of their throughput (README, "Security
  // headers"). Pages need it only for a path with a %-sequence or a multipart POST.
  matcher: [
    "/api/:path*",
    "/((?!_next/static/|vendor/).*%.*)",
    { source: "/((?!_next/static/|vendor/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
