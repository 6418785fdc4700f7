import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { removeFinishedMailBefore } from '../mail/outbox';
import { ensureQueue, type JobQueue } from './queue';
import type { SyncRuns } from './syncRuns';

export interface Removed {
  runs: number;
  events: number;
  processedEvents: number;
  /** Sent and failed e-mail; always 0 for a subgraph that sends none. */
  mail: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what the history no longer shows: finished sync runs (with their failures), published
 * outbox events, remembered consumed events and sent or failed e-mail, all older than the
 * retention period.
 */
export function removeExpired(
  dataSource: DataSource,
  runs: SyncRuns,
  retentionDays: number,
  sendsMail: boolean,
  now = new Date(),
): Promise<Removed> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const schema = runs.schema;
  return dataSource.transaction(async (manager) => {
    const removedRuns = await runs.removeFinishedBefore(manager, cutoff);
    const [, events]: [unknown, number] = await manager.query(
      `DELETE FROM "${schema}".outbox_event WHERE published_at < $1`,
      [cutoff],
    );
    const [, processedEvents]: [unknown, number] = await manager.query(
      `DELETE FROM "${schema}".processed_event WHERE processed_at < $1`,
      [cutoff],
    );
    // Only a subgraph that sends mail has the table.
    const mail = sendsMail ? await removeFinishedMailBefore(manager, schema, cutoff) : 0;
    return { runs: removedRuns, events, processedEvents, mail };
  });
}

export const retentionQueue = (runs: SyncRuns) => `${runs.schema}-retention`;

/** Every hour, on whichever worker pg-boss's cron gives it to. */
export const RETENTION_CRON = '17 * * * *';

export async function startRetention(options: {
  boss: JobQueue;
  dataSource: DataSource;
  runs: SyncRuns;
  retentionDays: number;
  sendsMail: boolean;
  log: Logger;
}): Promise<void> {
  const { boss, dataSource, runs, retentionDays, sendsMail, log } = options;
  const queue = retentionQueue(runs);
  await ensureQueue(boss, { name: queue, retryLimit: 3, retryDelay: 60 });
  await boss.work(queue, async () => {
    const removed = await removeExpired(dataSource, runs, retentionDays, sendsMail);
    log.info(removed, 'removed expired sync history and events');
    return removed;
  });
  await boss.schedule(queue, RETENTION_CRON);
}
