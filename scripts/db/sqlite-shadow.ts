import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

// To diff against the migration history the schema engine replays each migration file on a shadow database with
// one executeRaw call. better-sqlite3 prepares exactly one statement per call and rejects the whole file, so on the
// shadow database a multi-statement call falls back to executeScript, which runs it statement by statement.

type ShadowAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connectToShadowDb"]>>;

export class ScriptTolerantSqlite extends PrismaBetterSqlite3 {
  override async connectToShadowDb(): Promise<ShadowAdapter> {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.args.length > 0 || !String(error).includes("more than one statement")) throw error;
        await adapter.executeScript(query.sql);
        return 0;
      }
    };
    return adapter;
  }
}
