// The security headers every response carries, as plain data: next.config.ts serves them (they are fixed at build
// time, so static pages and files keep being served from disk) and the tests read them from here.

type Header = { key: string; value: string };

const PERMISSIONS_OFF = [
  "accelerometer", "autoplay", "bluetooth", "camera", "display-capture", "geolocation", "gyroscope", "hid",
  "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking",
];

/**
 * Scripts: only this origin. 'unsafe-inline' is there for Next's inline payload scripts (`self.__next_f.push`) and
 * the theme script on prerendered pages, which carry no nonce; see "Security headers" in the README for why hashes
 * and nonces were not chosen. `workerScripts` is the policy a worker runs under (a worker takes its policy from its
 * own script's response): the JavaScript runner imports the learner's program from a blob: URL and Pyodide compiles
 * WebAssembly, so only worker scripts get blob: and 'wasm-unsafe-eval'.
 */
export function contentSecurityPolicy({ workerScripts = false } = {}): string {
  const directives: Record<string, string> = {
    "default-src": "'self'",
    "script-src": workerScripts ? "'self' blob: 'wasm-unsafe-eval'" : "'self' 'unsafe-inline'",
    // Monaco sets inline style attributes and injects <style> elements; React's style props need the same.
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/** Headers for every response. COOP + COEP make pages cross-origin isolated, so Python can be interrupted. */
export function baseSecurityHeaders(): Header[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy() },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_OFF.map((feature) => `${feature}=()`).join(", ") },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  ];
}

/** HSTS only when the site is served over https: sent over http it would be ignored, and locally it would be wrong. */
export function strictTransportSecurity(publicUrl: string | undefined): Header[] {
  return publicUrl?.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : [];
}
