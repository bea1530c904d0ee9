import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DbTarget } from "../../lib/db/target";
import { providerPaths } from "./paths";
import { reportCharColumnsAsText } from "./pg-char-columns";

// Prisma's native schema engine is a binary downloaded on first use, which an offline machine cannot fetch.
// Its WebAssembly build ships in an npm package and speaks to the database through the same driver adapters
// the app uses, so migrations run anywhere the app runs.

type SchemaEngine = bindings.SchemaEngine;
export type MigrationList = bindings.MigrationList;

let wasmReady = false;
function loadWasm() {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings as never });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  wasmReady = true;
}

async function adapterFactory(target: DbTarget) {
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const { ScriptTolerantSqlite } = await import("./sqlite-shadow");
    return new ScriptTolerantSqlite({ url: target.url });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  reportCharColumnsAsText();
  return new PrismaPg({ connectionString: target.url });
}

export function readSchema(target: DbTarget) {
  const file = providerPaths(target.provider).schema;
  return { files: [{ path: file, content: fs.readFileSync(file, "utf8") }] };
}

/** Loads prisma/migrations (or the PostgreSQL folder) in the shape the engine expects. */
export function readMigrations(target: DbTarget): MigrationList {
  const baseDir = providerPaths(target.provider).migrations;
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const dirs = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Opens a schema engine on the target database, runs `work`, and always frees it. */
export async function withSchemaEngine<T>(target: DbTarget, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  loadWasm();
  const schema = readSchema(target);
  const factory = await adapterFactory(target);
  // The engine does not close the connections it opens; an open SQLite handle keeps the file locked for the next
  // client (a test's first write could time out), so they are tracked here and closed when the engine is done.
  const opened: { dispose: () => Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const connection = await connect();
    opened.push(connection);
    return connection;
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: schema.files.map((f) => [f.path, f.content] as [string, string]) },
    (log: string) => logs.push(log),
    adapter,
  );
  try {
    return await work(engine);
  } catch (error) {
    throw new Error(`schema engine failed: ${describeEngineError(error)}${logs.length ? `\n${logs.join("\n")}` : ""}`);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((c) => c.dispose()));
  }
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error && "message" in error) return String((error as { message: unknown }).message);
  return JSON.stringify(error);
}
