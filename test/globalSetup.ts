import { Client } from 'pg';
import { loadConfig } from '../shared/config';
import { startEmbeddedPostgres } from '../shared/database/embedded';
import { accepts, databaseUrl } from '../shared/database/server';
import { logger } from '../shared/logger';
import { closeAll, migrateAll, seedWhereEmpty } from '../scripts/platform';

export const TEST_SEED_SCALE = 0.05;

/**
 * One PostgreSQL for the whole run: DATABASE_URL when given, otherwise an embedded server kept
 * apart from the development data. Each run starts from a freshly created database.
 */
export default async function globalSetup(): Promise<void> {
  const settings = loadConfig(process.env);
  const log = logger('test-setup');
  const database = `customer_graph_test_${process.pid}`;
  const port = Number(process.env.TEST_PG_PORT ?? 54339);
  const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  let adminUrl: string;
  if (settings.database.url) {
    adminUrl = settings.database.url;
  } else if (await accepts(embeddedUrl)) {
    // Another test run on this machine already started it; each run has its own database.
    adminUrl = embeddedUrl;
  } else {
    const server = await startEmbeddedPostgres({
      dir: `${settings.projectRoot}/.data/test-postgres`,
      port,
      database: 'postgres',
      log,
    });
    (globalThis as { stopTestPostgres?: () => Promise<void> }).stopTestPostgres = server.stop;
    adminUrl = server.url;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = databaseUrl(adminUrl, database);
  process.env.TEST_DATABASE_URL = url;
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  process.env.TEST_DATABASE_NAME = database;
  const migrated = await migrateAll(url, log);
  await seedWhereEmpty(migrated, TEST_SEED_SCALE, log);
  await closeAll(migrated);
}
