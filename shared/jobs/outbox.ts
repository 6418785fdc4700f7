import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent, EventType, NewEvent } from '../events';
import type { Logger } from '../logger';
import { inTransaction, JOB_QUEUE_SCHEMA, type JobQueue } from './queue';

/** Relays listen here; the payload names the schema whose outbox has something new. */
export const OUTBOX_CHANNEL = 'customer_graph_outbox';

const PUBLISH_BATCH = 100;

/**
 * Records a domain event in the transaction of the change that causes it (a transactional
 * outbox): if the change rolls back, so does the event, and nothing is ever published for it.
 */
export async function recordEvent<T extends EventType>(
  manager: EntityManager,
  schema: string,
  event: NewEvent<T>,
): Promise<void> {
  // The id starts with the microsecond it was made: pg-boss hands out jobs created together (one
  // relay batch) in id order, so consumers see a transaction's events in the order they happened.
  await manager.query(
    `INSERT INTO "${schema}".outbox_event (id, type, aggregate_id, payload, caused_by)
     VALUES (
       (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000000)::bigint), 16, '0')
         || substr(md5(random()::text), 1, 16))::uuid,
       $1, $2, $3, $4)`,
    [event.type, event.aggregateId, event.payload, event.causedBy],
  );
  // NOTIFY is delivered at commit and dropped on rollback, like the row itself.
  await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, schema]);
}

interface OutboxRow {
  id: string;
  type: EventType;
  aggregateId: string;
  payload: DomainEvent['payload'];
  causedBy: DomainEvent['causedBy'];
  occurredAt: Date;
}

export interface OutboxRelayOptions {
  boss: JobQueue;
  dataSource: DataSource;
  /** The schema whose outbox this relay publishes; also the events' source. */
  schema: string;
  url: string;
  pollIntervalMs: number;
  log: Logger;
}

/**
 * Publishes a subgraph's outbox to the queue. Each batch is published and marked in one
 * transaction, with the event id as the job id in every subscriber's queue, so an event reaches
 * each subscriber once however often the relay runs. It wakes on the outbox's NOTIFY and also
 * polls, in case a notification was missed while it was not listening.
 */
export class OutboxRelay {
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    const { schema, url, pollIntervalMs, log } = this.options;
    const listener = new Client({ connectionString: url, application_name: `${schema}-outbox` });
    listener.on('error', (error) => log.warn({ err: error }, 'outbox listener lost; polling'));
    listener.on('notification', (message) => {
      if (message.payload === schema) this.wake();
    });
    await listener.connect();
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = listener;
    this.timer = setInterval(() => this.wake(), pollIntervalMs);
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'outbox publish failed'))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.publishBatch()) === PUBLISH_BATCH);
  }

  private publishBatch(): Promise<number> {
    const { dataSource, schema } = this.options;
    return dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, type, aggregate_id AS "aggregateId", payload, caused_by AS "causedBy",
                occurred_at AS "occurredAt"
         FROM "${schema}".outbox_event WHERE published_at IS NULL
         ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [PUBLISH_BATCH],
      );
      for (const row of rows) {
        const event: DomainEvent = {
          id: row.id,
          type: row.type,
          source: schema,
          aggregateId: row.aggregateId,
          occurredAt: row.occurredAt.toISOString(),
          causedBy: row.causedBy,
          payload: row.payload,
        };
        await this.fanOut(manager, event);
      }
      if (rows.length > 0) {
        await manager.query(
          `UPDATE "${schema}".outbox_event SET published_at = now() WHERE id = ANY($1)`,
          [rows.map((row) => row.id)],
        );
      }
      return rows.length;
    });
  }

  /**
   * One job per subscribed queue, in this transaction. Not pg-boss's publish(), which settles
   * every send and would let a failed one pass unnoticed while the event is marked published.
   */
  private async fanOut(manager: EntityManager, event: DomainEvent): Promise<void> {
    const { boss } = this.options;
    const { rows } = await boss
      .getDb()
      .executeSql(`SELECT name FROM ${JOB_QUEUE_SCHEMA}.subscription WHERE event = $1`, [
        event.type,
      ]);
    for (const { name } of rows as { name: string }[]) {
      await boss.send(name, event, { id: event.id, db: inTransaction(manager) });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }
}
