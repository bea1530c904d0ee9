import { z } from "zod";
import { languageTrackSchema } from "@/lib/course/id-schemas";

// The stack advisor's request and answer. Team languages are free text ("TypeScript", "golang", "C++"): people
// name them many ways, so the advisor normalises known names and ignores the rest instead of rejecting them.

export const advisorInputSchema = z.object({
  requestsPerSecond: z.number().min(0, "Requests per second cannot be negative.").max(1_000_000_000),
  p99LatencyMs: z.number().positive("The p99 latency target must be above 0 ms.").max(600_000),
  teamLanguages: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  needsML: z.boolean().default(false),
  realTime: z.boolean().default(false),
  timeToMarket: z.enum(["weeks", "months"]),
  budget: z.enum(["low", "medium", "high"]).optional(),
});
export type AdvisorInput = z.infer<typeof advisorInputSchema>;

export const advisorResultSchema = z.object({
  recommendation: languageTrackSchema,
  alternatives: z.array(z.object({ language: languageTrackSchema, note: z.string() })),
  reasons: z.array(z.object({ text: z.string(), lessonId: z.string().nullable(), effect: z.enum(["for", "against", "neutral"]) })),
  beyond: z.array(z.string()),
  scores: z.record(languageTrackSchema, z.number()),
});
export type AdvisorResult = z.infer<typeof advisorResultSchema>;
