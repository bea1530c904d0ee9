import { describe, expect, it } from "vitest";
import { frontMatterSchema, trackMetaSchema } from "@/lib/content/schema";

const valid = {
  title: "Goroutines and channels",
  summary: "Concurrency in Go.",
  objectives: ["Start a goroutine"],
  minutes: 30,
  topics: ["goroutines", "concurrency"],
  prerequisites: ["choosing/01-the-landscape"],
  languages: ["go"],
};

const messages = (value: unknown) => {
  const result = frontMatterSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("frontMatterSchema", () => {
  it("accepts a complete front matter and defaults prerequisites to none", () => {
    expect(frontMatterSchema.parse(valid)).toEqual(valid);
    const { prerequisites: _p, ...withoutPrerequisites } = valid;
    expect(frontMatterSchema.parse(withoutPrerequisites).prerequisites).toEqual([]);
  });

  it.each([
    ["a missing title", { ...valid, title: undefined }, "title: Invalid input: expected string, received undefined"],
    ["an empty title", { ...valid, title: "  " }, "title: must not be empty"],
    ["minutes as text", { ...valid, minutes: "30" }, "minutes: Invalid input: expected number, received string"],
    ["fractional minutes", { ...valid, minutes: 2.5 }, "minutes: must be a whole number of minutes"],
    ["no objectives", { ...valid, objectives: [] }, "objectives: list at least one objective"],
    ["a topic that is not kebab-case", { ...valid, topics: ["Go Routines"] }, "topics.0: A topic is a kebab-case tag like event-loop."],
    ["a malformed prerequisite", { ...valid, prerequisites: ["goroutines"] }, "prerequisites.0: A lesson id looks like <track>/<nn>-<slug>, e.g. go/03-goroutines."],
    ["an unknown language", { ...valid, languages: ["cobol"] }, 'languages.0: Invalid option: expected one of "javascript"|"typescript"|"python"|"go"|"rust"'],
    ["an unknown field", { ...valid, author: "me" }, ': Unrecognized key: "author"'],
  ])("rejects %s", (_name, value, message) => {
    expect(messages(value)).toEqual([message]);
  });
});

describe("trackMetaSchema", () => {
  it("accepts title, pitch and order", () => {
    expect(trackMetaSchema.parse({ title: "Go", pitch: "Cloud.", order: 3 })).toEqual({ title: "Go", pitch: "Cloud.", order: 3 });
  });

  it("rejects a negative order", () => {
    const result = trackMetaSchema.safeParse({ title: "Go", pitch: "Cloud.", order: -1 });
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual(["must be 0 or more"]);
  });
});
