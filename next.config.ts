import type { NextConfig } from "next";
import { baseSecurityHeaders, contentSecurityPolicy } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native addons and the Prisma driver adapters stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: baseSecurityHeaders() },
      // Every worker (runners, Monaco) starts from Turbopack's bootstrap script and runs under that response's policy;
      // a later rule's header replaces an earlier one's.
      {
        source: "/_next/static/chunks/turbopack-worker-:file",
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ workerScripts: true }) }],
      },
    ];
  },
};

export default nextConfig;
