import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingSchemaChange } from "@/scripts/db/migrate-lib";
import { DATABASES, type TestDb } from "../../support/test-db";

// A schema edit without `npm run db:migration` would deploy tables that differ from what the code expects.
// The engine replays the history on its own shadow database; the empty database here only hosts the connection.
describe.each(DATABASES)("migrations on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open({ migrate: false });
  });
  afterAll(async () => t?.cleanup());

  it("reproduce prisma/schema.prisma exactly", async () => {
    await expect(pendingSchemaChange(t.target)).resolves.toBeNull();
  });
});
