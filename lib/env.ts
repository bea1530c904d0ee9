import "server-only";
import { z } from "zod";

// Checked once, at first use on the server: a missing secret fails fast with a message, not deep inside next-auth.
const envSchema = z.object({
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (npm start generates one in .env.local)"),
  DATABASE_URL: z.string().optional(),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

export function githubEnabled(e: Env = env()): boolean {
  return Boolean(e.GITHUB_ID && e.GITHUB_SECRET);
}

const hopsSchema = z
  .string()
  .regex(/^\d+$/, "TRUSTED_PROXY_HOPS must be a whole number: how many proxies in front of the server append to X-Forwarded-For")
  .transform(Number);

/** TRUSTED_PROXY_HOPS, default 0 (see "Behind a proxy" in the README). A typo fails loudly rather than trusting less or more. */
export function trustedProxyHops(): number {
  const parsed = hopsSchema.safeParse(process.env.TRUSTED_PROXY_HOPS?.trim() || "0");
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
