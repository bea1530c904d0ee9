// CSRF: a state-changing request that a browser says comes from another site is refused. Browsers send
// Sec-Fetch-Site and Origin on such requests and a page cannot forge either; a request with neither (curl, a
// server) is not a browser acting for a visitor, so there is no one's session to ride on and it is let through.

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type RequestLike = { method: string; headers: Headers };

/** The origins this site answers as: the public URL's, and the one the request was addressed to (its Host). */
function ownOrigin(origin: string, host: string | null, publicUrl: string | undefined): boolean {
  if (publicUrl) {
    try {
      if (new URL(publicUrl).origin === origin) return true;
    } catch {
      // An unparsable public URL names no origin; the Host rule still applies.
    }
  }
  try {
    return host !== null && new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a cross-origin redirect) and anything else that is not an origin.
  }
}

/** Why the request must be refused, or null when it may go on. */
export function crossSiteWrite(request: RequestLike, publicUrl: string | undefined): string | null {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.get("origin");
  if (origin !== null && !ownOrigin(origin, request.headers.get("host"), publicUrl)) return `Origin: ${origin}`;
  return null;
}
