import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/days";
import { dueItems } from "@/lib/path/review";

const NOW = new Date("2026-03-01T12:00:00Z");

describe("due reviews", () => {
  it("lists due items oldest first, ties by topic, leaving future ones out", () => {
    const items = [
      { topic: "b", dueAt: addDays(NOW, -1) },
      { topic: "future", dueAt: addDays(NOW, 1) },
      { topic: "a", dueAt: addDays(NOW, -1) },
      { topic: "old", dueAt: addDays(NOW, -5) },
      { topic: "now", dueAt: NOW },
    ];
    expect(dueItems(items, NOW).map((i) => i.topic)).toEqual(["old", "a", "b", "now"]);
  });
});
