// Prisma's own schema engine, run as WebAssembly through a driver adapter:
// migrations are applied at start and written by `npm run migration`
// without the native engine binary the CLI would download.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type Provider = 'sqlite' | 'postgresql';

/** The project's root: the nearest folder above this module with a package.json (also from dist/). */
export function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root above ' + import.meta.dirname);
    dir = parent;
  }
  return dir;
}

export const migrationsDir = (provider: Provider) => join(projectRoot(), 'prisma', 'migrations', provider);

// The slice of the WebAssembly API used here (Node 20's types do not declare it).
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

let ready: Promise<void> | undefined;

/** Node 20 cannot import a .wasm module, so the bytes are instantiated here and handed to the glue. */
function loadWasm(): Promise<void> {
  ready ??= (async () => {
    const gluePath = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(new URL('./schema_engine_bg.wasm', gluePath));
    const { instance } = await (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return ready;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the connections it opened (free() alone leaves them open). */
  close(): Promise<void>;
}

export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema?: { path: string; content: string },
): Promise<OpenEngine> {
  await loadWasm();
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await glue.SchemaEngine.new(
    { datamodels: schema ? [[schema.path, schema.content]] : undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

export function migrationNames(provider: Provider): string[] {
  const baseDir = migrationsDir(provider);
  return existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
}

export function migrationsList(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = join(baseDir, 'migration_lock.toml');
  const names = migrationNames(provider);
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every committed migration not yet applied; `_prisma_migrations` is kept as the CLI keeps it. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory, provider: Provider) {
  const { engine, close } = await openSchemaEngine(adapter);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: migrationsList(provider),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
