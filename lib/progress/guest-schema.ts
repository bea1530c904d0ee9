import { z } from "zod";
import { lessonIdSchema } from "../course/id-schemas";
import { submittedAnswersSchema } from "../content/quiz-schema";
import { eventIdSchema, MAX_VISIT_SECONDS, progressEventSchema, shownSchema, type ProgressEvent, type Shown } from "./events";
import { GUEST_STATE_VERSION, MAX_GUEST_ENTRIES } from "./guest-log";

// What a guest's browser keeps (localStorage) and sends to POST /api/progress/merge on sign-in: its events
// (lib/progress/events.ts), each with what the server told the browser at the time. The store's birth is sealed by
// the server (lib/progress/guest-birth.ts) and bounds the time the merge credits.

/** When the store was born, sealed by the server; stores from before seals have none. */
export const guestBirthSchema = z.object({ at: z.iso.datetime({ offset: true }), seal: z.string().max(100) });

export const guestEntrySchema = z.object({ event: progressEventSchema, shown: shownSchema.optional() });

const guestStateV2Schema = z.object({
  version: z.literal(GUEST_STATE_VERSION),
  guestId: eventIdSchema,
  birth: guestBirthSchema.optional(),
  entries: z.array(guestEntrySchema).max(MAX_GUEST_ENTRIES),
});

// Version 1 (until 2026-11): records by kind. Read and converted, so a browser that kept progress before the
// ledger neither loses it nor fails its merge.
const instant = z.iso.datetime({ offset: true });
const guestStateV1Schema = z.object({
  version: z.literal(1),
  guestId: eventIdSchema,
  birth: guestBirthSchema.optional(),
  lessons: z.array(z.object({ lessonId: lessonIdSchema, firstOpenedAt: instant })).max(1000).default([]),
  visits: z.array(z.object({ id: eventIdSchema, lessonId: lessonIdSchema, seconds: z.number().int().min(0).max(MAX_VISIT_SECONDS), at: instant })).max(5000).default([]),
  quizAttempts: z
    .array(
      z.object({
        id: eventIdSchema,
        quizId: lessonIdSchema,
        answers: submittedAnswersSchema,
        at: instant,
        score: z.number().min(0).max(1).optional(),
        passed: z.boolean().optional(),
        results: shownSchema.shape.results,
      }),
    )
    .max(1000)
    .default([]),
  exercises: z
    .array(z.object({ id: eventIdSchema, exerciseId: z.string().max(200), language: z.string().max(40), passed: z.boolean(), code: z.string().max(65536).default(""), at: instant }))
    .max(1000)
    .default([]),
});

function fromVersion1(v1: z.infer<typeof guestStateV1Schema>): GuestState {
  const entries: { event: unknown; shown?: Shown }[] = [
    ...v1.lessons
      .filter((l) => !v1.visits.some((v) => v.lessonId === l.lessonId))
      .map((l) => ({ event: { type: "visit", id: `v1open${v1.guestId.slice(0, 20)}${l.lessonId.replace(/[^a-z0-9]/g, "")}`.slice(0, 64), lessonId: l.lessonId, seconds: 0, at: l.firstOpenedAt } })),
    ...v1.visits.map((v) => ({ event: { type: "visit", ...v } })),
    ...v1.quizAttempts.map(({ score, passed, results, ...a }) => ({ event: { type: "quiz", ...a }, shown: { score, passed, results } })),
    ...v1.exercises.map(({ passed, ...e }) => ({ event: { type: "exercise", ...e }, shown: { passed } })),
  ];
  // An old record the new schema refuses (an id shape since tightened) is dropped rather than failing the whole store.
  const valid = entries.flatMap((e) => {
    const parsed = guestEntrySchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
  return { version: GUEST_STATE_VERSION, guestId: v1.guestId, birth: v1.birth, entries: valid.slice(0, MAX_GUEST_ENTRIES) };
}

export const guestStateSchema = z.discriminatedUnion("version", [guestStateV2Schema, guestStateV1Schema.transform(fromVersion1)]);

export type GuestBirth = z.infer<typeof guestBirthSchema>;
export type GuestEntry = { event: ProgressEvent; shown?: Shown };
export type GuestState = z.infer<typeof guestStateV2Schema>;
