import type { DataSource } from 'typeorm';
import { config } from '../shared/config';
import { openDatabaseServer } from '../shared/database/server';
import { openAndMigrate } from '../shared/database/dataSource';
import { openJobQueue } from '../shared/jobs/queue';
import { ensureSyncQueue } from '../shared/jobs/syncWorker';
import { seededScale } from '../shared/seed/scale';
import { ensureMailQueue } from '../shared/mail/worker';
import type { Logger } from '../shared/logger';
import { SUBGRAPHS, SubgraphDefinition } from '../subgraphs';
import { createGatewayDataSource, GATEWAY_SCHEMA } from '../gateway/database';

export interface MigratedSubgraph {
  subgraph: SubgraphDefinition;
  dataSource: DataSource;
}

/**
 * Brings every subgraph's own schema, the gateway's and the job queue's up to date, and creates
 * the subgraphs' queues, once, before any service starts; returns the subgraphs' open data sources.
 */
export async function migrateAll(url: string, log: Logger): Promise<MigratedSubgraph[]> {
  const gateway = createGatewayDataSource(url, log.child({ service: 'gateway' }));
  await openAndMigrate(gateway, GATEWAY_SCHEMA);
  await gateway.destroy();
  const migrated: MigratedSubgraph[] = [];
  for (const subgraph of SUBGRAPHS) {
    const dataSource = subgraph.createDataSource(url, log.child({ subgraph: subgraph.name }));
    await openAndMigrate(dataSource, subgraph.schema);
    migrated.push({ subgraph, dataSource });
  }
  const { jobs: settings, mail } = config();
  const queue = await openJobQueue(url, settings, log, {
    supervise: false,
    application: 'migrate',
  });
  try {
    for (const { jobs } of SUBGRAPHS) {
      await ensureSyncQueue(queue, jobs.runs, settings);
      if (jobs.sendsMail) await ensureMailQueue(queue, jobs.runs.schema, mail);
    }
  } finally {
    await queue.stop({ graceful: false });
  }
  return migrated;
}

/**
 * Loads demo data into each subgraph that has none, so a second start reuses what is there. A
 * subgraph seeded after the others (one added by an upgrade) is seeded at the scale they were, so
 * that its demo data refers to the desk customers that exist.
 */
export async function seedWhereEmpty(
  migrated: MigratedSubgraph[],
  requested: number,
  log: Logger,
): Promise<void> {
  const seeded: MigratedSubgraph[] = [];
  const empty: MigratedSubgraph[] = [];
  for (const entry of migrated) {
    ((await entry.subgraph.isSeeded(entry.dataSource)) ? seeded : empty).push(entry);
  }
  if (empty.length === 0) return;
  let scale = requested;
  for (const { subgraph, dataSource } of seeded) {
    const recorded = await seededScale(dataSource, subgraph.schema);
    if (recorded === null) {
      log.warn(
        { subgraph: subgraph.name },
        `${subgraph.name} holds demo data of an unknown scale: run npm run seed -- --reset so every subgraph's demo data matches`,
      );
    } else {
      scale = recorded;
    }
  }
  for (const { subgraph, dataSource } of empty) {
    const started = Date.now();
    const summary = await subgraph.seed(dataSource, scale);
    log.info(
      { subgraph: subgraph.name, scale, ms: Date.now() - started, summary },
      'demo data loaded',
    );
  }
}

export async function closeAll(migrated: MigratedSubgraph[]): Promise<void> {
  await Promise.all(migrated.map(({ dataSource }) => dataSource.destroy()));
}

/**
 * For the operator's scripts (`token`, `partner`): desk's data on the configured server (the
 * embedded one, started for the call when `npm start` is not running, or DATABASE_URL),
 * migrated first so that they work on a database nothing has touched yet.
 */
export async function withDesk<T>(log: Logger, work: (desk: DataSource) => Promise<T>): Promise<T> {
  const server = await openDatabaseServer(config().database, log);
  try {
    const migrated = await migrateAll(server.url, log);
    try {
      const desk = migrated.find((m) => m.subgraph.name === 'desk');
      if (!desk) throw new Error('desk subgraph is missing');
      return await work(desk.dataSource);
    } finally {
      await closeAll(migrated);
    }
  } finally {
    await server.stop();
  }
}
