// Writes the next migration for both providers from a change to prisma/schema.prisma:
//   npm run migration -- <name>
// Each provider's migration is the diff between the schema the last migrations were
// written from (kept in prisma/migrations/schema.prisma) and the schema now. The engine
// insists on a connection, which for PostgreSQL is a throwaway server.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget } from '@prisma/schema-engine-wasm';
import { migrationsDir, noFilters, openSchemaEngine, type Provider } from '../src/db/migrate.ts';
import { schemaFor } from './prisma.mjs';
import { startPostgres } from './throwaway-postgres.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration -- <name in snake_case>');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const snapshotFile = join(migrationsDir('sqlite'), '..', 'schema.prisma');
const current = readFileSync(join(snapshotFile, '..', '..', 'schema.prisma'), 'utf8');
const previous = existsSync(snapshotFile) ? readFileSync(snapshotFile, 'utf8') : undefined;

async function writeMigration(provider: Provider, adapter: SqlMigrationAwareDriverAdapterFactory): Promise<boolean> {
  const target = (text: string): DiffTarget => ({
    tag: 'schemaDatamodel',
    files: [{ path: 'schema.prisma', content: schemaFor(provider, text) }],
  });
  const { engine, close } = await openSchemaEngine(adapter);
  try {
    const { stdout } = await engine.diff({
      from: previous === undefined ? { tag: 'empty' } : target(previous),
      to: target(current),
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = stdout ?? '';
    if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) return false;
    const dir = migrationsDir(provider);
    mkdirSync(join(dir, `${stamp}_${name}`), { recursive: true });
    writeFileSync(join(dir, 'migration_lock.toml'), `# Written by npm run migration.\nprovider = "${provider}"\n`);
    writeFileSync(join(dir, `${stamp}_${name}`, 'migration.sql'), sql);
    console.log(`${provider}: wrote ${stamp}_${name}`);
    return true;
  } finally {
    await close();
  }
}

const postgres = await startPostgres();
let written: boolean[];
try {
  written = [
    await writeMigration('sqlite', new PrismaBetterSqlite3({ url: ':memory:' })),
    await writeMigration('postgresql', new PrismaPg({ connectionString: postgres.url() })),
  ];
} finally {
  postgres.stop();
}
if (written.some(Boolean)) writeFileSync(snapshotFile, current);
else console.log('the schema matches the migrations; nothing written');
