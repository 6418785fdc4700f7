import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** pg-boss keeps its jobs in this schema of the same database as the subgraphs. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

export type JobQueue = PgBoss;

export interface JobQueueOptions {
  /** Maintenance (expiring lost jobs, archiving) and cron schedules: only where workers run. */
  supervise: boolean;
  application: string;
}

export async function openJobQueue(
  url: string,
  settings: Config['jobs'],
  log: Logger,
  options: JobQueueOptions,
): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: JOB_QUEUE_SCHEMA,
    application_name: `customer-graph-${options.application}-jobs`,
    max: 4,
    supervise: options.supervise,
    schedule: options.supervise,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  return boss;
}

/**
 * Lets pg-boss write its job rows through a TypeORM transaction, so that a job exists exactly
 * when the change that asked for it commits.
 */
export function inTransaction(manager: EntityManager): PgBoss.Db {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('inTransaction needs the manager of a running transaction');
  return {
    executeSql: async (text, values) => {
      const result = await runner.query(text, values, true);
      return { rows: result.records as unknown[] };
    },
  };
}

/** Creates the queue when it is missing and applies the current settings when it exists. */
export async function ensureQueue(boss: JobQueue, queue: PgBoss.Queue): Promise<void> {
  await boss.createQueue(queue.name, queue);
  await boss.updateQueue(queue.name, queue);
}

export interface QueueDepth {
  queue: string;
  /** Waiting (`created`), waiting to be retried (`retry`) or being worked (`active`). */
  state: 'created' | 'retry' | 'active';
  jobs: number;
}

/**
 * Jobs not yet done in every queue whose name starts with `prefix` (a subgraph's queues are
 * `<schema>-…`), a zero for each state of an empty queue included, in one statement.
 */
export async function queueDepths(boss: JobQueue, prefix: string): Promise<QueueDepth[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT q.name AS queue, s.state::text AS state, count(j.id)::int AS jobs
     FROM ${JOB_QUEUE_SCHEMA}.queue q
     CROSS JOIN unnest(ARRAY['created', 'retry', 'active']::${JOB_QUEUE_SCHEMA}.job_state[]) AS s(state)
     LEFT JOIN ${JOB_QUEUE_SCHEMA}.job j ON j.name = q.name AND j.state = s.state
     WHERE starts_with(q.name, $1)
     GROUP BY q.name, s.state`,
    [prefix],
  );
  return rows as QueueDepth[];
}
