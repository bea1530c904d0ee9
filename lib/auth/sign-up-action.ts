"use server";

// The sign-up form's server action. It lives in lib/, beside its use case, because the form (a client component)
// imports it, and components do not import from app/.
import { signUpWithForm, type SignUpState } from "./sign-up";

export type { SignUpState };

export async function signUpAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  return signUpWithForm(formData);
}
