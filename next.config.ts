import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native addons and the Prisma driver adapters stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
