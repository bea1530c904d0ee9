import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy, strictTransportSecurity } from "@/lib/http/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));
}

describe("contentSecurityPolicy", () => {
  it("allows scripts from this origin only: no host, scheme, eval or WebAssembly on pages", () => {
    const page = directives(contentSecurityPolicy());
    expect(page.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(page.get("default-src")).toEqual(["'self'"]);
    for (const [name, values] of page) {
      for (const value of values) expect(value, `${name} ${value}`).toMatch(/^('[a-z-]+'|data:|blob:)$/);
    }
  });

  it("locks plugins, framing, <base> and form targets", () => {
    const page = directives(contentSecurityPolicy());
    expect(page.get("object-src")).toEqual(["'none'"]);
    expect(page.get("frame-ancestors")).toEqual(["'none'"]);
    expect(page.get("base-uri")).toEqual(["'self'"]);
    expect(page.get("form-action")).toEqual(["'self'"]);
    expect(page.get("worker-src")).toEqual(["'self'", "blob:"]);
  });

  it("gives worker scripts blob: imports and WebAssembly, and not inline script", () => {
    const worker = directives(contentSecurityPolicy({ workerScripts: true }));
    expect(worker.get("script-src")).toEqual(["'self'", "blob:", "'wasm-unsafe-eval'"]);
    expect(worker.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("baseSecurityHeaders", () => {
  it("isolates the page and turns off sniffing, framing, referrer paths and device features", () => {
    const headers = Object.fromEntries(baseSecurityHeaders().map((h) => [h.key, h.value]));
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(headers["Cross-Origin-Embedder-Policy"]).toBe("require-corp");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
  });
});

describe("strictTransportSecurity", () => {
  it("is sent only when the public URL is https", () => {
    expect(strictTransportSecurity("https://paths.example.org")).toEqual([{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]);
    expect(strictTransportSecurity("http://localhost:3000")).toEqual([]);
    expect(strictTransportSecurity(undefined)).toEqual([]);
  });
});
