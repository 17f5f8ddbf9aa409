// Runs the Prisma CLI offline for both providers from the one schema.
//   node scripts/prisma.mjs generate   generate both clients (run on install)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'prisma', 'schema.prisma');
export const providers = ['sqlite', 'postgresql'];

/** The schema text for one provider, with its own client output folder. */
export function schemaFor(provider, text = readFileSync(source, 'utf8')) {
  if (provider === 'sqlite') return text;
  return text
    .replace('provider = "sqlite"', `provider = "${provider}"`)
    .replace('"../src/db/generated/sqlite"', `"../src/db/generated/${provider}"`);
}

/** Writes the derived schema beside the source (ignored by git) and returns its path. */
export function schemaFile(provider) {
  if (provider === 'sqlite') return source;
  const dir = join(root, 'prisma', '.derived');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${provider}.prisma`);
  // Output paths are relative to the schema file: one folder deeper.
  writeFileSync(file, schemaFor(provider).replace('"../src/', '"../../src/'));
  return file;
}

/**
 * `generate` and `studio` never run the native schema engine, but the CLI
 * tries to download it unless told where one is; any existing file will do.
 * Nothing leaves the machine unasked: CHECKPOINT_DISABLE turns off the CLI's usage report
 * and update check, and with them the launch event Studio's page posts to its own server,
 * which forwards it through the same checkpoint client.
 */
export function cliEnv(extra = {}) {
  return { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: source, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1', ...extra };
}

export function runPrisma(args, extra = {}) {
  const cli = join(root, 'node_modules', 'prisma', 'build', 'index.js');
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit', env: cliEnv(extra) });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command] = process.argv.slice(2);
  if (command === 'generate') {
    for (const provider of providers) {
      const result = runPrisma(['generate', '--schema', schemaFile(provider)]);
      if (result.status !== 0) process.exit(result.status ?? 1);
    }
  } else {
    console.error('usage: node scripts/prisma.mjs generate');
    process.exit(2);
  }
}
