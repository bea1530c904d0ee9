import { describe, expect, it } from "vitest";
import { DELETE as deleteAccount } from "@/app/api/account/route";
import { POST as mergeGuest } from "@/app/api/progress/merge/route";
import { POST as postVisit } from "@/app/api/progress/route";
import { POST as postAttempt } from "@/app/api/quizzes/[track]/[lesson]/attempts/route";

// Route handlers called directly: every malformed request is answered with a 4xx and a message before the handler
// reaches the session or the database. (Signed-in behaviour and authorization run end to end, with real sessions.)

const json = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

const attemptContext = { params: Promise.resolve({ track: "python", lesson: "03-gil" }) };

type Case = { name: string; call: () => Promise<Response>; status: number; message: RegExp };

const cases: Case[] = [
  { name: "attempt: malformed JSON", call: () => postAttempt(json("{answers:"), attemptContext), status: 400, message: /valid JSON/ },
  { name: "attempt: not JSON", call: () => postAttempt(json("{}", { "content-type": "text/plain" }), attemptContext), status: 415, message: /application\/json/ },
  { name: "attempt: answers missing", call: () => postAttempt(json("{}"), attemptContext), status: 400, message: /answers/ },
  { name: "attempt: an answer of the wrong type", call: () => postAttempt(json('{"answers":{"q":{"x":1}}}'), attemptContext), status: 400, message: /answers/ },
  {
    name: "attempt: oversized body",
    call: () => postAttempt(json(JSON.stringify({ answers: { q: "x".repeat(70_000) } })), attemptContext),
    status: 413,
    message: /too large|larger/,
  },
  {
    name: "attempt: a quiz id that is not a lesson id",
    call: () => postAttempt(json('{"answers":{}}'), { params: Promise.resolve({ track: "..", lesson: "etc" }) }),
    status: 400,
    message: /not a quiz id/,
  },
  { name: "visit: malformed JSON", call: () => postVisit(json("nope")), status: 400, message: /valid JSON/ },
  { name: "visit: bad lesson id", call: () => postVisit(json('{"lessonId":"../../x","secondsSpent":1}')), status: 400, message: /lessonId/ },
  { name: "visit: negative time", call: () => postVisit(json('{"lessonId":"go/01-hello","secondsSpent":-1}')), status: 400, message: /secondsSpent/ },
  { name: "visit: a day of time in one save", call: () => postVisit(json('{"lessonId":"go/01-hello","secondsSpent":86400}')), status: 400, message: /secondsSpent/ },
  { name: "merge: malformed JSON", call: () => mergeGuest(json("[")), status: 400, message: /valid JSON/ },
  { name: "merge: wrong version", call: () => mergeGuest(json('{"version":9,"guestId":"guest-0001"}')), status: 400, message: /version/ },
  {
    name: "merge: oversized body",
    call: () => mergeGuest(json("x", { "content-length": String(3 * 1024 * 1024) })),
    status: 413,
    message: /larger/,
  },
  { name: "delete account: no confirmation", call: () => deleteAccount(json("{}")), status: 400, message: /confirm/ },
  { name: "delete account: empty confirmation", call: () => deleteAccount(json('{"confirm":"  "}')), status: 400, message: /email address/ },
];

describe("progress routes reject bad input with a 4xx and a message", () => {
  it.each(cases)("$name -> $status", async ({ call, status, message }) => {
    const response = await call();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.error).toMatch(message);
    expect(body.code).toBeTruthy();
  });
});
