import { Client } from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres } from './embedded';

export const DATABASE_NAME = 'customer_graph';

export interface DatabaseServer {
  url: string;
  /** True when this process started the embedded server and must stop it. */
  embedded: boolean;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set; otherwise the embedded PostgreSQL under `.data/`. */
export async function openDatabaseServer(
  database: Config['database'],
  log: Logger,
): Promise<DatabaseServer> {
  if (database.url) return { url: database.url, embedded: false, stop: async () => {} };
  const url = embeddedUrl(database.embeddedPort);
  // `npm run token` or `npm run seed` next to a running `npm start` share its server.
  if (await accepts(url)) return { url, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dir: database.embeddedDir,
    port: database.embeddedPort,
    database: DATABASE_NAME,
    log,
  });
  log.info({ dir: database.embeddedDir, port: database.embeddedPort }, 'embedded PostgreSQL is up');
  return { url: server.url, embedded: true, stop: server.stop };
}

/** The same server's URL for another database on it (a test's, a dataset's, the maintenance one). */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function embeddedUrl(port: number): string {
  return `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE_NAME}`;
}

/** Whether a PostgreSQL server answers at `url`. */
export async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
