import "server-only";
import { action, type ActionDeps } from "../http/action";
import { clientAddress } from "../http/client-address";
import { createSignUpLimit, signUp } from "./accounts";
import { signUpSchema } from "./fields";

/** What the sign-up form shows after a submission: the outcome, and what was typed, so a refused form keeps it. */
export type SignUpState = { ok: boolean; error?: string; field?: string; email?: string; name?: string };

const limit = createSignUpLimit();

const createAccount = action({ input: signUpSchema }, async ({ input, db, headers }) => {
  const result = await signUp(db, limit, input, clientAddress({ headers }));
  return result.ok ? { ok: true } : { ok: false, error: result.error, field: result.field };
});

/** The sign-up form's submission: creates the account (see signUp) and answers in the form's own state. */
export async function signUpWithForm(formData: FormData, deps: Partial<ActionDeps> = {}): Promise<SignUpState> {
  const typed = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  return { ...(await createAccount.withDeps(deps)(formData)), ...typed };
}
