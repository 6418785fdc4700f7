import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { type EventConsumer, startEventConsumer } from './consumer';
import { OutboxRelay } from './outbox';
import type { JobQueue } from './queue';
import { startRetention } from './retention';
import { type SyncKind, startSyncWorker } from './syncWorker';
import type { SyncRuns } from './syncRuns';

/** The background work a subgraph declares; shared/jobs runs it the same way for every one. */
export interface SubgraphJobs {
  runs: SyncRuns;
  syncKinds: readonly SyncKind[];
  consumers: readonly EventConsumer[];
}

export interface RunningWorkers {
  stop(): Promise<void>;
}

/**
 * Starts a subgraph's workers on an open queue: its sync runs, the retention schedule, the relay
 * of its outbox and its event consumers. In the subgraph's process by default, or alone in a
 * `<name>-worker` process.
 */
export async function startWorkers(options: {
  jobs: SubgraphJobs;
  boss: JobQueue;
  dataSource: DataSource;
  url: string;
  settings: Config['jobs'];
  log: Logger;
}): Promise<RunningWorkers> {
  const { jobs, boss, dataSource, url, settings, log } = options;
  await startSyncWorker({
    boss,
    dataSource,
    runs: jobs.runs,
    kinds: jobs.syncKinds,
    settings,
    log,
  });
  await startRetention({
    boss,
    dataSource,
    runs: jobs.runs,
    retentionDays: settings.retentionDays,
    log,
  });
  for (const consumer of jobs.consumers) {
    await startEventConsumer({ boss, dataSource, consumer, settings, log });
  }
  const relay = new OutboxRelay({
    boss,
    dataSource,
    schema: jobs.runs.schema,
    url,
    pollIntervalMs: settings.outboxPollIntervalMs,
    log,
  });
  await relay.start();
  return { stop: () => relay.stop() };
}
