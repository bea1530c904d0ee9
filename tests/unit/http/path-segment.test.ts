import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeSegment, isDecodablePath } from "@/lib/http/path-segment";

describe("decodeSegment", () => {
  it("decodes a well-formed segment", () => {
    expect(decodeSegment("node%2F01-event-loop%2Fin-order")).toBe("node/01-event-loop/in-order");
    expect(decodeSegment("caf%C3%A9")).toBe("café");
  });

  it.each(["%E0%A4%A", "%", "%zz", "%C3"])("answers the malformed %j with a 400, not a URIError", (segment) => {
    let thrown: unknown;
    try {
      decodeSegment(segment);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).code).toBe("bad_request:path");
  });
});

describe("isDecodablePath", () => {
  it("accepts plain and well-encoded paths", () => {
    expect(isDecodablePath("/learn/python/01-python-for-the-web")).toBe(true);
    expect(isDecodablePath("/api/exercises/%25E0%25A4%25A/check")).toBe(true);
  });

  it("rejects a path with a malformed %-sequence", () => {
    expect(isDecodablePath("/learn/%E0%A4%A")).toBe(false);
    expect(isDecodablePath("/%")).toBe(false);
  });
});
