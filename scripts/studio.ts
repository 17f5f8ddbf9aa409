// `npm run studio`: Prisma Studio on the configured database (the SQLite file or
// PostgreSQL), offline. STUDIO_PORT picks its port (default 5555). Safe beside a running server.
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase, providerOf, sqlitePath } from '../src/db/index.ts';
import { runPrisma } from './prisma.mjs';

try {
  const config = loadConfig();
  // Bring the database up to date first, so Studio shows every table.
  await (await openDatabase(config.databaseUrl)).close();
  // Studio reads the provider from the URL's scheme: SQLite needs file:///absolute/path.
  const url = providerOf(config.databaseUrl) === 'sqlite' ? `file://${sqlitePath(config.databaseUrl)}` : config.databaseUrl;
  const port = process.env.STUDIO_PORT ?? '5555';
  const result = runPrisma(['studio', '--url', url, '--port', port, '--browser', process.env.BROWSER ?? 'none']);
  process.exit(result.status ?? 1);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
