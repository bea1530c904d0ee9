import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_FILE, resolveDbTarget } from "@/lib/db/target";

const cwd = "/srv/app";

describe("resolveDbTarget", () => {
  it.each([
    [undefined, { provider: "sqlite", file: path.join(cwd, DEFAULT_SQLITE_FILE) }],
    ["", { provider: "sqlite", file: path.join(cwd, DEFAULT_SQLITE_FILE) }],
    ["file:./data/dev.db", { provider: "sqlite", file: "/srv/app/data/dev.db" }],
    ["file:/tmp/x.db", { provider: "sqlite", file: "/tmp/x.db" }],
    ["postgresql://u:p@127.0.0.1:5432/app", { provider: "postgresql", url: "postgresql://u:p@127.0.0.1:5432/app" }],
    ["postgres://127.0.0.1/app", { provider: "postgresql", url: "postgres://127.0.0.1/app" }],
  ])("%s", (url, expected) => {
    expect(resolveDbTarget(url, cwd)).toMatchObject(expected);
  });

  it("gives SQLite an absolute file: URL", () => {
    expect(resolveDbTarget("file:data/a.db", cwd)).toMatchObject({ url: "file:/srv/app/data/a.db" });
  });

  it.each(["mysql://localhost/app", "data/app.db", "http://example.com"])("rejects %s with a message", (url) => {
    expect(() => resolveDbTarget(url, cwd)).toThrow(/DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
  });
});
