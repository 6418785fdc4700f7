import { config } from '../shared/config';
import { openDatabaseServer } from '../shared/database/server';
import { logger } from '../shared/logger';
import { closeAll, migrateAll } from './platform';

/** Applies every subgraph's pending migrations (the compose file runs this before the services). */
async function main(): Promise<void> {
  const log = logger('migrate');
  const server = await openDatabaseServer(config().database, log);
  try {
    await closeAll(await migrateAll(server.url, log));
    log.info('migrations are up to date');
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  logger('migrate').fatal({ err: error }, 'migration failed');
  process.exit(1);
});
