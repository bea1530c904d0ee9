import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { languageSchema, MAX_CODE_BYTES } from "@/lib/runner/types";
import { clientOr } from "./store";

// A signed-in learner's edited code, one row per (user, example or exercise key). Always scoped by userId, so a
// learner can only ever read or overwrite their own drafts.

export const draftKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9/_.-]*$/i, "a draft key is letters, digits and / _ . -");

export const draftBodySchema = z.object({
  language: languageSchema,
  code: z.string().refine((code) => Buffer.byteLength(code, "utf8") <= MAX_CODE_BYTES, "code is limited to 64 KiB"),
});

export type Draft = { key: string; language: string; code: string; updatedAt: Date };

export async function getDraft({ userId, key }: { userId: string; key: string }, client?: Db): Promise<Draft | null> {
  const row = await clientOr(client).codeDraft.findUnique({ where: { userId_key: { userId, key } } });
  return row ? { key: row.key, language: row.language, code: row.code, updatedAt: row.updatedAt } : null;
}

export async function saveDraft({ userId, key, language, code }: { userId: string; key: string; language: string; code: string }, client?: Db): Promise<Draft> {
  const row = await clientOr(client).codeDraft.upsert({
    where: { userId_key: { userId, key } },
    create: { userId, key, language, code },
    update: { language, code },
  });
  return { key: row.key, language: row.language, code: row.code, updatedAt: row.updatedAt };
}

export async function deleteDraft({ userId, key }: { userId: string; key: string }, client?: Db): Promise<void> {
  await clientOr(client).codeDraft.deleteMany({ where: { userId, key } });
}
