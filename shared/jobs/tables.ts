import type { QueryRunner } from 'typeorm';

/**
 * The job engine's tables in a subgraph's own schema: its sync runs and their failures, the outbox
 * of the domain events it publishes, and the events it has already applied. Each subgraph's
 * migrations call these, so the tables live and migrate with the subgraph that owns them.
 */
/**
 * Sync runs that remove records (books' deleteEarlierRecords) count them. A migration of its own,
 * after createJobTables, so that databases made before it get the column the same way.
 */
export async function addSyncRunDeletedCount(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(
    `ALTER TABLE "${schema}".sync_run ADD COLUMN deleted integer NOT NULL DEFAULT 0`,
  );
}

export async function dropSyncRunDeletedCount(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`ALTER TABLE "${schema}".sync_run DROP COLUMN deleted`);
}

export async function createJobTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE "${schema}".sync_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      direction text NOT NULL CHECK (direction IN ('INTO_DESK','FROM_DESK','BOTH_WAYS')),
      scope text NOT NULL,
      status text NOT NULL DEFAULT 'QUEUED'
        CHECK (status IN ('QUEUED','RUNNING','SUCCEEDED','FAILED','STOPPED')),
      requested_by text,
      input jsonb NOT NULL DEFAULT '{}',
      checkpoint jsonb,
      chunks_done integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      total integer,
      added integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      stop_requested boolean NOT NULL DEFAULT false,
      error text,
      queued_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
      started_at timestamptz,
      finished_at timestamptz,
      CHECK ((status IN ('SUCCEEDED','FAILED','STOPPED')) = (finished_at IS NOT NULL))
    );
    -- "The same sync" may run once at a time; a second start finds the first through this index.
    CREATE UNIQUE INDEX sync_run_one_active ON "${schema}".sync_run (kind, scope)
      WHERE status IN ('QUEUED','RUNNING');
    CREATE INDEX sync_run_recent ON "${schema}".sync_run (queued_at DESC, id DESC);
    CREATE INDEX sync_run_finished ON "${schema}".sync_run (finished_at)
      WHERE finished_at IS NOT NULL;
    CREATE TABLE "${schema}".sync_run_failure (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id uuid NOT NULL REFERENCES "${schema}".sync_run(id) ON DELETE CASCADE,
      record text NOT NULL,
      reason text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
      UNIQUE (run_id, record)
    );
    CREATE TABLE "${schema}".outbox_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type text NOT NULL,
      aggregate_id text NOT NULL,
      payload jsonb NOT NULL,
      caused_by jsonb NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      published_at timestamptz
    );
    CREATE INDEX outbox_event_unpublished ON "${schema}".outbox_event (occurred_at, id)
      WHERE published_at IS NULL;
    CREATE TABLE "${schema}".processed_event (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    );
  `);
}

export async function dropJobTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    DROP TABLE "${schema}".processed_event;
    DROP TABLE "${schema}".outbox_event;
    DROP TABLE "${schema}".sync_run_failure;
    DROP TABLE "${schema}".sync_run;
  `);
}
