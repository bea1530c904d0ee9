import { it } from "vitest";
import * as drafts from "@/app/api/drafts/[key]/route";
import { POST as attempt } from "@/app/api/quizzes/[track]/[lesson]/attempts/route";
import { signUpWithForm } from "@/lib/auth/sign-up";
import { getCatalog } from "@/lib/content/catalog";
import { postgresTestDb } from "../../support/test-db";
import { fromAddress } from "../../support/client-address";

it("debug", async () => {
  const t = await postgresTestDb();
  const u = await t.db.user.create({ data: { email: "l@example.com" }, select: { id: true, email: true, name: true } });
  const deps = { currentUser: async () => u, db: t.db };
  const req = (body: unknown) => new Request("http://localhost/x", { method: "PUT", headers: { "content-type": "application/json", ...fromAddress("10.9.9.9") }, body: JSON.stringify(body) });
  let r = await drafts.PUT.withDeps(deps)(req({ language: "python", code: "a\u0000b" }), { params: Promise.resolve({ key: "x" }) });
  console.log("draft code NUL", r.status, await r.text());
  r = await drafts.PUT.withDeps(deps)(req({ language: "python", code: "a", result: { summary: "\u0000" } }), { params: Promise.resolve({ key: "x" }) });
  console.log("draft summary NUL", r.status, await r.text());
  const lesson = getCatalog().lessons.find((l) => l.quiz)!;
  r = await attempt.withDeps(deps)(req({ answers: { "\u0000": "\u0000", [lesson.quiz!.questions[0]!.id]: "\u0000" } }), { params: Promise.resolve({ track: lesson.trackId, lesson: lesson.slug }) });
  console.log("quiz NUL", r.status, (await r.text()).slice(0, 200));
  const form = new FormData(); form.append("name", "A\u0000da"); form.append("email", "ada@example.com"); form.append("password", "correct horse battery");
  console.log("signup NUL", await signUpWithForm(form, { db: t.db, headers: async () => new Headers(fromAddress("10.9.9.8")) }));
  await t.cleanup();
}, 120000);
