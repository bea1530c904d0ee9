"use server";

import { headers } from "next/headers";
import { createSignUpLimit, signUp } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";

export type SignUpState = { ok: boolean; error?: string; field?: string; email?: string; name?: string };

const limit = createSignUpLimit();

export async function signUpAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const input = { name: formData.get("name"), email: formData.get("email"), password: formData.get("password") };
  const result = await signUp(db(), limit, input, clientAddress({ headers: await headers() }));
  const echo = { email: String(input.email ?? ""), name: String(input.name ?? "") };
  return result.ok ? { ok: true, ...echo } : { ok: false, error: result.error, field: result.field, ...echo };
}
