import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/exercises/[id]/check/route";

// /api/exercises/%25E0%25A4%25A/check: Next decodes the segment once to "%E0%A4%A", and the handler's own decoding
// of the slash-bearing id used to throw a URIError, answered as a 500.

describe("POST /api/exercises/<id>/check with a malformed %-encoding in the id", () => {
  it("answers 400 with the catalogue's message", async () => {
    const handler = POST.withDeps({ currentUser: async () => null });
    const request = new Request("http://localhost/api/exercises/%25E0%25A4%25A/check", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ language: "javascript", code: "" }),
    });
    const response = await handler(request, { params: Promise.resolve({ id: "%E0%A4%A" }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: "bad_request:path", error: expect.stringMatching(/malformed %-encoding/) });
  });
});
