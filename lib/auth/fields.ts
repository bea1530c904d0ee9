import { z } from "zod";

// One place for what a valid email and password are, and what a person is told when they are not.
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like ada@example.com." }));

export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const nameSchema = z.string().trim().min(1, "Tell us what to call you.").max(80, "Keep your name under 80 characters.");

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password.").max(200) });
export type SignInInput = z.infer<typeof signInSchema>;
