import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/json-body";

const schema = z.object({ n: z.number().int() });
const request = (body: BodyInit | null, type = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": type, ...headers } });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { status: (error as AppError).status, message: (error as AppError).message };
}

describe("readJson", () => {
  it("returns the validated body", async () => {
    await expect(readJson(request('{"n":3}'), schema)).resolves.toEqual({ n: 3 });
  });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", " application/json ; charset=utf-8"])(
    "accepts the content type %j",
    async (type) => {
      await expect(readJson(request('{"n":3}', type), schema)).resolves.toEqual({ n: 3 });
    },
  );

  it.each([
    "text/plain; application/json",
    "text/plain;charset=application/json",
    "application/x-www-form-urlencoded; application/json",
    "multipart/form-data; boundary=application/json",
    "application/json, text/plain",
    "application/jsonx",
    "application/json-patch+json",
    "text/plain",
    "",
  ])("answers 415 for the content type %j", async (type) => {
    await expect(failure(readJson(request('{"n":3}', type), schema))).resolves.toEqual({ status: 415, message: "Send the request body as application/json." });
  });

  it("answers 415 when there is no content type", async () => {
    const untyped = new Request("http://localhost/api/x", { method: "POST", body: new Uint8Array(Buffer.from('{"n":3}')) });
    expect(untyped.headers.get("content-type")).toBeNull();
    await expect(failure(readJson(untyped, schema))).resolves.toMatchObject({ status: 415 });
  });

  it.each([
    ["malformed JSON", request("{n:"), 400, "The request body must be valid JSON."],
    ["an empty body", request(null), 400, "The request body must be valid JSON."],
    ["a body of the wrong shape", request('{"n":"three"}'), 400, "n: Invalid input: expected number, received string"],
    ["another content type", request("n=3", "application/x-www-form-urlencoded"), 415, "Send the request body as application/json."],
    ["a declared oversized body", request("{}", "application/json", { "content-length": "999999" }), 413, "The request body is larger than 1024 bytes."],
    ["an oversized streamed body", request(JSON.stringify({ n: 1, pad: "x".repeat(5000) })), 413, "The request body is larger than 1024 bytes."],
  ])("rejects %s with a 4xx and a message", async (_name, req, status, message) => {
    await expect(failure(readJson(req, schema, 1024))).resolves.toEqual({ status, message });
  });
});
