import { describe, expect, it } from "vitest";
import { crossSiteWrite } from "@/lib/http/same-origin";

const PUBLIC_URL = "https://paths.example.org";
const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers: new Headers({ host: "paths.example.org", ...headers }) });

describe("crossSiteWrite", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("refuses a %s that the browser marks cross-site or same-site", (method) => {
    expect(crossSiteWrite(request(method, { "sec-fetch-site": "cross-site" }), PUBLIC_URL)).toMatch(/cross-site/);
    expect(crossSiteWrite(request(method, { "sec-fetch-site": "same-site" }), PUBLIC_URL)).toMatch(/same-site/);
  });

  it.each(["https://evil.example", "null", "https://paths.example.org.evil.example", "http://paths.example.org:8080", "not a url"])(
    "refuses a write from Origin %j",
    (origin) => {
      expect(crossSiteWrite(request("POST", { origin }), PUBLIC_URL)).toBe(`Origin: ${origin}`);
    },
  );

  it("allows a write from the public URL's origin, even when the Host is an internal name behind a proxy", () => {
    const behindProxy = { method: "POST", headers: new Headers({ host: "app:3000", origin: PUBLIC_URL, "sec-fetch-site": "same-origin" }) };
    expect(crossSiteWrite(behindProxy, PUBLIC_URL)).toBeNull();
  });

  it("allows a write from the origin the request was addressed to when no public URL is set", () => {
    const local = { method: "POST", headers: new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }) };
    expect(crossSiteWrite(local, undefined)).toBeNull();
    expect(crossSiteWrite({ ...local, headers: new Headers({ host: "localhost:3000", origin: "http://localhost:4000" }) }, undefined)).not.toBeNull();
  });

  it("allows a write with neither header (curl, another server) and a user-initiated one (Sec-Fetch-Site: none)", () => {
    expect(crossSiteWrite(request("POST"), PUBLIC_URL)).toBeNull();
    expect(crossSiteWrite(request("POST", { "sec-fetch-site": "none" }), PUBLIC_URL)).toBeNull();
  });

  it("lets reads through from anywhere: they change nothing", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(crossSiteWrite(request(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), PUBLIC_URL)).toBeNull();
    }
  });

  it("falls back to the Host rule when the public URL cannot be parsed", () => {
    expect(crossSiteWrite(request("POST", { origin: "https://paths.example.org" }), "::not a url::")).toBeNull();
  });
});
