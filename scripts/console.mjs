// Bundles the account console (console/) into dist/console/, where the server serves it.
// `node scripts/console.mjs --watch` rebuilds on every change (npm run console:dev).
// Files are written whole and renamed into place, so a running server never serves half
// of one, and two builds at once (the test projects) cannot tear each other's output.
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, context } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The most gzipped JavaScript the console may send. */
export const CONSOLE_BUDGET_BYTES = 200 * 1024;

const options = (outdir) => ({
  absWorkingDir: root,
  entryPoints: { console: 'console/src/main.tsx' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  sourcemap: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: 'console/tsconfig.json',
  metafile: true,
  write: false,
  logLevel: 'warning',
});

function writeWhole(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Writes a build's files and the page; answers the JavaScript's size, raw and gzipped. */
function emit(result, outdir) {
  // The console speaks to the server through /trpc only: server code in the bundle is a mistake.
  const serverFiles = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/'));
  if (serverFiles.length > 0) throw new Error(`the console bundles server code: ${serverFiles.join(', ')}`);
  let bytes = 0;
  let gzipped = 0;
  for (const file of result.outputFiles) {
    writeWhole(file.path, file.contents);
    if (file.path.endsWith('.js')) {
      bytes += file.contents.length;
      gzipped += gzipSync(file.contents, { level: 9 }).length;
    }
  }
  writeWhole(join(outdir, 'index.html'), readFileSync(join(root, 'console', 'index.html')));
  return { bytes, gzipped };
}

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const describeSize = ({ bytes, gzipped }) =>
  `console: ${kilobytes(bytes)} of JavaScript, ${kilobytes(gzipped)} gzipped (budget ${kilobytes(CONSOLE_BUDGET_BYTES)})`;

/** Builds the console once; fails when its gzipped JavaScript is over the budget. */
export async function buildConsole(outdir = join(root, 'dist', 'console')) {
  const size = emit(await build(options(outdir)), outdir);
  if (size.gzipped > CONSOLE_BUDGET_BYTES) throw new Error(`${describeSize(size)}: over the budget`);
  return size;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--watch')) {
    const outdir = join(root, 'dist', 'console');
    const report = {
      name: 'report',
      setup(builder) {
        builder.onEnd((result) => {
          if (result.errors.length > 0) return; // esbuild has printed them
          try {
            const size = emit(result, outdir);
            const over = size.gzipped > CONSOLE_BUDGET_BYTES ? ': OVER THE BUDGET' : '';
            console.log(`${new Date().toLocaleTimeString()} ${describeSize(size)}${over} -> ${relative(process.cwd(), outdir)}`);
          } catch (error) {
            console.error(`${new Date().toLocaleTimeString()} ${error.message}`);
          }
        });
      },
    };
    const watcher = await context({ ...options(outdir), plugins: [report] });
    await watcher.watch();
    console.log('watching console/ for changes (Ctrl-C to stop); reload the page after a rebuild');
  } else {
    console.log(describeSize(await buildConsole()));
  }
}
