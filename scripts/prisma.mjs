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

/**
 * The generated client takes its query compiler from an ES module that holds the WebAssembly
 * as a base64 string, and an ES module is never unloaded: the string and the module's source,
 * about 8 MB of heap, would stay for the life of the process once the bytes are compiled. The
 * client is rewritten to read the package's CommonJS copy of the same module instead and to
 * drop it from require's cache, so that both are collected once the compiler is built.
 */
function compileQueryCompilerOnce(provider) {
  const file = join(root, 'src', 'db', 'generated', provider, 'internal', 'class.ts');
  const text = readFileSync(file, 'utf8');
  const load = /const \{ wasm \} = await import\("(@prisma\/client\/runtime\/query_compiler_\w+_bg\.\w+\.wasm-base64)\.mjs"\)/;
  if (!load.test(text)) throw new Error(`${file}: the query compiler's import has changed; see compileQueryCompilerOnce`);
  writeFileSync(
    file,
    text.replace(
      load,
      (_, module) => `const { createRequire } = await import('node:module')
    const requireHere = createRequire(import.meta.url)
    const path = requireHere.resolve("${module}.js")
    const { wasm } = requireHere(path)
    delete requireHere.cache[path]`,
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command] = process.argv.slice(2);
  if (command === 'generate') {
    for (const provider of providers) {
      const result = runPrisma(['generate', '--schema', schemaFile(provider)]);
      if (result.status !== 0) process.exit(result.status ?? 1);
      compileQueryCompilerOnce(provider);
    }
  } else {
    console.error('usage: node scripts/prisma.mjs generate');
    process.exit(2);
  }
}
