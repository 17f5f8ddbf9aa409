// Every suite runs twice: on a real SQLite file and on a real PostgreSQL server that
// test/support/global-setup.ts starts from the binaries on PATH. Without PostgreSQL the
// run says so loudly and goes on with SQLite alone; with REQUIRE_POSTGRES=1 (CI) it fails.
import { defineConfig } from 'vitest/config';
import { postgresMissing } from './scripts/throwaway-postgres.ts';

const missing = postgresMissing();
if (missing) {
  const banner = `\n${'!'.repeat(78)}\n  PostgreSQL is missing (${missing}): the PostgreSQL half of the suite will NOT run.\n${'!'.repeat(78)}\n`;
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error(banner);
  console.warn(banner);
}

const databases = missing ? ['sqlite'] : ['sqlite', 'postgresql'];

export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: databases.map((database) => ({
      extends: true,
      test: { name: database, env: { TEST_DATABASE: database }, include: ['test/**/*.test.ts'] },
    })),
  },
});
