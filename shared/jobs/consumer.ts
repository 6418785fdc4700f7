import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { DomainEvent, EventType } from '../events';
import type { Logger } from '../logger';
import { ensureQueue, type JobQueue } from './queue';

/** A subgraph's reaction to other subgraphs' events. */
export interface EventConsumer {
  /** Names the consumer's queue and its rows in processed_event; stable across deployments. */
  name: string;
  /** The consumer's own schema, where the events it applied are remembered. */
  schema: string;
  events: readonly EventType[];
  /**
   * Applies one event inside a transaction; throwing rolls it back and the event is retried.
   * `deps.config` locates the other subgraphs, for a consumer that calls their APIs; `deps.jobs`
   * queues work (such as e-mail) in the same transaction.
   */
  handle(event: DomainEvent, manager: EntityManager, deps: ConsumerDependencies): Promise<void>;
}

export interface ConsumerDependencies {
  config: Config;
  log: Logger;
  /** The subgraph's job queue, for a consumer that queues work (e-mail) in the event's transaction. */
  jobs: JobQueue;
}

export const consumerQueue = (consumer: Pick<EventConsumer, 'name'>) => `${consumer.name}-events`;

export interface EventConsumerOptions {
  boss: JobQueue;
  dataSource: DataSource;
  consumer: EventConsumer;
  config: Config;
  log: Logger;
}

/**
 * Subscribes the consumer's queue to its events and works it. An event is delivered at least
 * once; it is applied once, because the event id is recorded in the consumer's schema in the same
 * transaction as its effect. A failure is retried with exponential backoff.
 *
 * Events usually arrive in the order they happened, but a retry or a second worker can reorder
 * them: a handler must not rely on order. Payloads carry the whole record and `occurredAt`, and
 * a handler that needs an earlier event applied first (an update before its create) throws, so
 * the queue retries it later.
 */
export async function startEventConsumer(options: EventConsumerOptions): Promise<void> {
  const { boss, dataSource, consumer, config, log } = options;
  const settings = config.jobs;
  const queue = consumerQueue(consumer);
  await ensureQueue(boss, {
    name: queue,
    retryLimit: settings.eventRetryLimit,
    retryDelay: 1,
    retryBackoff: true,
  });
  for (const type of consumer.events) await boss.subscribe(type, queue);
  await boss.work<DomainEvent>(
    queue,
    { pollingIntervalSeconds: settings.pollIntervalSeconds },
    async (jobs) => {
      for (const { data: event } of jobs) {
        await dataSource
          .transaction(async (manager) => {
            const fresh: unknown[] = await manager.query(
              `INSERT INTO "${consumer.schema}".processed_event (consumer, event_id)
               VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
              [consumer.name, event.id],
            );
            if (fresh.length > 0)
              await consumer.handle(event, manager, { config, log, jobs: boss });
          })
          .catch((error: unknown) => {
            log.warn(
              { err: error, event: event.id, type: event.type },
              'event not applied; will retry',
            );
            throw error;
          });
      }
    },
  );
}
