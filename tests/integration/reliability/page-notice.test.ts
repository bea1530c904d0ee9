import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { whileDatabaseAnswers } from "@/app/database-unavailable";

// The pages that read the database render through whileDatabaseAnswers: an outage becomes the notice, anything else
// (a bug, a redirect) is thrown on to Next.

const outage = Object.assign(new Error("Can't reach database server"), { code: "P1001" });

describe("whileDatabaseAnswers", () => {
  it("renders the page while the database answers", async () => {
    expect(renderToStaticMarkup(await whileDatabaseAnswers("test", async () => createElement("p", null, "your progress")))).toBe("<p>your progress</p>");
  });

  it("renders the notice during an outage", async () => {
    const html = renderToStaticMarkup(await whileDatabaseAnswers("test", () => Promise.reject(outage)));
    expect(html).toMatch(/Temporarily unavailable/);
    expect(html).toMatch(/role="status"/);
  });

  it("throws anything else on", async () => {
    const bug = new TypeError("x is undefined");
    await expect(whileDatabaseAnswers("test", () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
