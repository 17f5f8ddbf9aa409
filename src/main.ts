// `npm start`: serve the API with the settings from the environment.
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './server/log.ts';
import { startServer } from './server/start.ts';

const log = createLogger();

try {
  const running = await startServer(loadConfig(), { log });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'shutting down');
      running.close().then(
        () => process.exit(0),
        (err) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    log.fatal({ err: error }, 'could not start');
  }
  process.exit(1);
}
