import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { providerPaths } from "@/scripts/db/paths";
import { postgresSchemaText } from "@/scripts/db/schema-twin";

describe("PostgreSQL schema twin", () => {
  const sqlite = fs.readFileSync(providerPaths("sqlite").schema, "utf8");

  it("is committed in sync with prisma/schema.prisma (run npm run db:generate after editing the schema)", () => {
    expect(fs.readFileSync(providerPaths("postgresql").schema, "utf8")).toBe(postgresSchemaText(sqlite));
  });

  it("differs only in provider and client folder", () => {
    const twin = postgresSchemaText(sqlite).split("\n").slice(1);
    const changed = twin.filter((line, i) => line !== sqlite.split("\n")[i]);
    expect(changed.map((l) => l.trim())).toEqual(['output   = "../../lib/db/generated/postgresql"', 'provider = "postgresql"']);
  });

  it("refuses a schema it cannot swap", () => {
    expect(() => postgresSchemaText('datasource db {\n  provider = "mysql"\n}')).toThrow(/expected `provider = "sqlite"`/);
  });

  it("every migration folder exists for both providers", () => {
    const names = (p: "sqlite" | "postgresql") =>
      fs.readdirSync(providerPaths(p).migrations).filter((n) => !n.endsWith(".toml")).sort();
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
