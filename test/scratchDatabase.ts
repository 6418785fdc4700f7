import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '../shared/database/server';

/**
 * A database of its own on the test server, for a test that migrates a schema down and up or
 * seeds it from empty: doing that in the shared test database would wipe what other suites read.
 */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest');
  const name = `customer_graph_scratch_${randomUUID().replaceAll('-', '')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  return { url: databaseUrl(adminUrl, name), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}
