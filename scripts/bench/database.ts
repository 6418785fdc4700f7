import path from 'node:path';
import { Client } from 'pg';
import type { Config } from '../../shared/config';
import { startEmbeddedPostgres } from '../../shared/database/embedded';
import { databaseUrl } from '../../shared/database/server';
import type { Logger } from '../../shared/logger';
import { closeAll, migrateAll, MigratedSubgraph, seedWhereEmpty } from '../platform';
import { freePort } from '../services';

/** The benchmark's own cluster, apart from `npm start`'s and the tests'. */
const BENCH_PG_DIR = '.data/bench-postgres';

export interface BenchServer {
  /** The maintenance database's URL; each dataset is a database of its own beside it. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL's server when set, otherwise an embedded PostgreSQL under `.data/bench-postgres`
 * on a free port (it preloads pg_stat_statements), so the benchmark never meets `npm start` or
 * `npm test` and keeps its datasets between runs.
 */
export async function openBenchServer(settings: Config, log: Logger): Promise<BenchServer> {
  if (settings.database.url) {
    return { adminUrl: databaseUrl(settings.database.url, 'postgres'), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dir: path.resolve(settings.projectRoot, BENCH_PG_DIR),
    port: await freePort(),
    database: 'postgres',
    log,
  });
  return { adminUrl: server.url, stop: server.stop };
}

/** `bench_scale_1`, `bench_scale_0_5`: one database per scale, seeded once and kept. */
export function datasetName(scale: number): string {
  return `bench_scale_${String(scale).replace('.', '_')}`;
}

/**
 * The dataset of this scale, created, migrated and seeded unless it already is (the demo data is
 * deterministic, so a kept one is what seeding again would give). Seeding scale 10 takes minutes.
 */
export async function prepareDataset(
  adminUrl: string,
  scale: number,
  log: Logger,
  withDesk: (desk: MigratedSubgraph) => Promise<void>,
): Promise<string> {
  const database = datasetName(scale);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, database);
  const migrated = await migrateAll(url, log);
  try {
    await seedWhereEmpty(migrated, scale, log);
    const desk = migrated.find((m) => m.subgraph.name === 'desk');
    if (!desk) throw new Error('desk is not among the subgraphs');
    await withDesk(desk);
  } finally {
    await closeAll(migrated);
  }
  return url;
}

/**
 * SQL statements counted by PostgreSQL itself (pg_stat_statements), in one database: every
 * service's statements, whichever process sent them.
 */
export class StatementStatistics {
  private constructor(private readonly client: Client) {}

  /** Null, with the reason logged, when the server cannot count (the extension is not loaded). */
  static async open(url: string, log: Logger): Promise<StatementStatistics | null> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query('SELECT pg_stat_statements_reset()');
      return new StatementStatistics(client);
    } catch (error) {
      await client.end();
      log.warn(
        { err: error },
        'pg_stat_statements is not available, so SQL statements per request are not counted: ' +
          'the server needs shared_preload_libraries=pg_stat_statements (the embedded one has it) ' +
          'and a user allowed to create the extension and reset its figures',
      );
      return null;
    }
  }

  async reset(): Promise<void> {
    await this.client.query('SELECT pg_stat_statements_reset()');
  }

  /** Statements finished in this database since the last reset, these figures' own excepted. */
  async count(): Promise<number> {
    const { rows } = await this.client.query<{ calls: string }>(
      `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT LIKE '%pg_stat_statements%'`,
    );
    return Number(rows[0].calls);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
