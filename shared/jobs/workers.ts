import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { mailTransport, startMailWorker } from '../mail/worker';
import { type EventConsumer, startEventConsumer } from './consumer';
import { OutboxRelay } from './outbox';
import { ensureQueue, type JobQueue } from './queue';
import { startRetention } from './retention';
import { type SyncKind, startSyncWorker } from './syncWorker';
import type { SyncRuns } from './syncRuns';

/** The background work a subgraph declares; shared/jobs runs it the same way for every one. */
export interface SubgraphJobs {
  runs: SyncRuns;
  syncKinds: readonly SyncKind[];
  consumers: readonly EventConsumer[];
  /** Queues e-mail (shared/mail); its migrations then create the mail tables in its schema. */
  sendsMail?: boolean;
  /** Work done on a clock rather than on request, such as billing's lifecycle sweep. */
  schedules?: readonly ScheduledJob[];
}

/**
 * A job pg-boss's cron starts, on whichever worker takes it. `run` must be idempotent and safe
 * alongside another run of itself: a job may be delivered again after a lost worker, and a slow
 * run may still be going when the next one starts.
 */
export interface ScheduledJob {
  /** Names its queue, `<schema>-<name>`. */
  name: string;
  /** Cron syntax, in UTC. */
  cron: string;
  /** `now` is when the job started; tests pass a fixed one. */
  run(dataSource: DataSource, log: Logger, now: Date): Promise<unknown>;
}

export const scheduledQueue = (jobs: SubgraphJobs, job: ScheduledJob) =>
  `${jobs.runs.schema}-${job.name}`;

export interface RunningWorkers {
  stop(): Promise<void>;
}

/**
 * Starts a subgraph's workers on an open queue: its sync runs, the retention schedule and its own
 * schedules, the relay of its outbox, its event consumers and, when it sends mail and SMTP is
 * configured, its mail delivery. In the subgraph's process by default, or alone in a
 * `<name>-worker` process.
 */
export async function startWorkers(options: {
  jobs: SubgraphJobs;
  boss: JobQueue;
  dataSource: DataSource;
  url: string;
  config: Config;
  log: Logger;
}): Promise<RunningWorkers> {
  const { jobs, boss, dataSource, url, config, log } = options;
  const { jobs: settings, mail } = config;
  await startSyncWorker({
    boss,
    dataSource,
    runs: jobs.runs,
    kinds: jobs.syncKinds,
    config,
    settings,
    log,
  });
  await startRetention({
    boss,
    dataSource,
    runs: jobs.runs,
    retentionDays: settings.retentionDays,
    sendsMail: jobs.sendsMail ?? false,
    log,
  });
  for (const job of settings.schedules ? (jobs.schedules ?? []) : []) {
    // Created here like retention's queue: a schedule refers to its queue, which must exist.
    const queue = scheduledQueue(jobs, job);
    await ensureQueue(boss, { name: queue, retryLimit: 3, retryDelay: 60 });
    await boss.work(queue, () => job.run(dataSource, log.child({ job: queue }), new Date()));
    await boss.schedule(queue, job.cron);
  }
  for (const consumer of jobs.consumers) {
    await startEventConsumer({ boss, dataSource, consumer, config, log });
  }
  const transport = jobs.sendsMail ? mailTransport(mail) : null;
  if (transport) {
    await startMailWorker({
      boss,
      dataSource,
      schema: jobs.runs.schema,
      settings: mail,
      pollIntervalSeconds: settings.pollIntervalSeconds,
      log,
      transport,
    });
  } else if (jobs.sendsMail) {
    // Its jobs wait in the queue: a worker started later with SMTP_URL delivers them.
    log.warn('SMTP_URL is not set: e-mail stays queued until a worker with SMTP starts');
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
  return {
    stop: async () => {
      await relay.stop();
      transport?.close();
    },
  };
}
