// Every suite runs twice: on a real SQLite file and on a real PostgreSQL server that
// test/support/global-setup.ts starts from the binaries on PATH. The browser test drives
// Debian's Chromium. What is missing is said loudly and left out of the run; with
// REQUIRE_POSTGRES=1 or REQUIRE_CHROMIUM=1 (CI sets both) it fails the run instead.
import { defineConfig } from 'vitest/config';
import { postgresMissing } from './scripts/throwaway-postgres.ts';
import { chromiumMissing } from './test/support/chromium.ts';

function missing(what: string, why: string | undefined, required: string): boolean {
  if (!why) return false;
  const banner = `\n${'!'.repeat(78)}\n  ${what} is missing (${why}): those tests will NOT run.\n${'!'.repeat(78)}\n`;
  if (process.env[required] === '1') throw new Error(banner);
  console.warn(banner);
  return true;
}

const noPostgres = missing('PostgreSQL', postgresMissing(), 'REQUIRE_POSTGRES');
const noChromium = missing('Chromium', chromiumMissing(), 'REQUIRE_CHROMIUM');
const databases = noPostgres ? ['sqlite'] : ['sqlite', 'postgresql'];

export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: databases.map((database) => ({
      extends: true,
      test: {
        name: database,
        env: { TEST_DATABASE: database },
        include: ['test/**/*.test.ts'],
        exclude: noChromium ? ['test/browser/**'] : [],
      },
    })),
  },
});
