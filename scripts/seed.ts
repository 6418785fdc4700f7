import { config } from '../shared/config';
import { openDatabaseServer } from '../shared/database/server';
import { logger } from '../shared/logger';
import { scaleArgument } from './args';
import { closeAll, migrateAll, seedWhereEmpty } from './platform';

/**
 * `npm run seed -- --scale N`: loads deterministic demo data into every subgraph that has none.
 * `--reset` first empties the subgraphs' schemas so a different scale can be loaded.
 */
async function main(): Promise<void> {
  const log = logger('seed');
  const scale = scaleArgument(1);
  const server = await openDatabaseServer(config().database, log);
  try {
    if (process.argv.includes('--reset')) {
      const reset = await migrateAll(server.url, log);
      for (const { subgraph, dataSource } of reset) {
        await dataSource.query(`DROP SCHEMA "${subgraph.schema}" CASCADE`);
      }
      await closeAll(reset);
    }
    const migrated = await migrateAll(server.url, log);
    await seedWhereEmpty(migrated, scale, log);
    await closeAll(migrated);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  logger('seed').fatal({ err: error }, 'seeding failed');
  process.exit(1);
});
