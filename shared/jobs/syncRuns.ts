import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../loaders';
import { type JobQueue, inTransaction } from './queue';

export type SyncRunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';
/** Seen from the help desk, as the integration pages describe it ("Inventory → Desk"). */
export type SyncDirection = 'INTO_DESK' | 'FROM_DESK' | 'BOTH_WAYS';

export const FINISHED_STATUSES: ReadonlySet<SyncRunStatus> = new Set([
  'SUCCEEDED',
  'FAILED',
  'STOPPED',
]);

export interface SyncRunRecord {
  id: string;
  kind: string;
  direction: SyncDirection;
  /** What makes two runs "the same sync": only one per kind and scope may be queued or running. */
  scope: string;
  status: SyncRunStatus;
  requestedBy: string | null;
  input: Record<string, unknown>;
  /** Where the next chunk starts; its meaning belongs to the kind. */
  checkpoint: unknown;
  chunksDone: number;
  processed: number;
  total: number | null;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
  stopRequested: boolean;
  error: string | null;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface SyncFailureRecord {
  id: string;
  runId: string;
  /** Which record failed, in the words of its source (e.g. "row 12", "item SKU-7"). */
  record: string;
  reason: string;
  createdAt: Date;
}

export interface SyncFailureInput {
  record: string;
  reason: string;
}

/** What one chunk did; it is written in the same transaction as the chunk's own changes. */
export interface ChunkOutcome {
  processed: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Records removed from the target; most kinds never remove any. */
  deleted?: number;
  failures: SyncFailureInput[];
  checkpoint: unknown;
  done: boolean;
}

export interface StartSyncRun {
  kind: string;
  direction: SyncDirection;
  scope: string;
  requestedBy: string | null;
  input?: Record<string, unknown>;
}

/** Data of a chunk job: the run, and which chunk of it (1-based). */
export interface ChunkJob {
  runId: string;
  chunk: number;
}

const RUN_COLUMNS = `
  id, kind, direction, scope, status, requested_by AS "requestedBy", input, checkpoint,
  chunks_done AS "chunksDone", processed, total, added, updated, unchanged, deleted, failed,
  stop_requested AS "stopRequested", error, queued_at AS "queuedAt", started_at AS "startedAt",
  finished_at AS "finishedAt"`;

/**
 * The optional kind and status filters of a run list, as $1 and $2, and $3, the oldest finish a
 * listed run may have: the history shows what the retention period keeps, even in the hour
 * before the scheduled clean-up removes it.
 */
const RUN_FILTER = `($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
  AND ($3::timestamptz IS NULL OR finished_at IS NULL OR finished_at >= $3)`;

export interface SyncRunListFilter {
  kind?: string | null;
  status?: SyncRunStatus | null;
  finishedSince?: Date | null;
}

const filterParams = (filter: SyncRunListFilter) => [
  filter.kind ?? null,
  filter.status ?? null,
  filter.finishedSince ?? null,
];

const FAILURE_COLUMNS = `id::text AS id, run_id AS "runId", record, reason, created_at AS "createdAt"`;

/**
 * A stable job id per chunk, so that sending the same chunk twice (a retried transaction, a
 * redelivered job) inserts nothing: pg-boss ignores a job whose id its queue already holds.
 */
export function chunkJobId(runId: string, chunk: number): string {
  const hex = createHash('sha256').update(`${runId}:${chunk}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The sync runs of one subgraph, in its own schema; every statement is parameterised. */
export class SyncRuns {
  readonly queue: string;
  private readonly runs: string;
  private readonly failures: string;

  constructor(readonly schema: string) {
    this.queue = `${schema}-sync-run`;
    this.runs = `"${schema}".sync_run`;
    this.failures = `"${schema}".sync_run_failure`;
  }

  /**
   * Records a run and queues its first chunk in the caller's transaction. When the same sync is
   * already queued or running, that run is returned instead and nothing new starts.
   */
  async start(
    manager: EntityManager,
    boss: JobQueue,
    run: StartSyncRun,
  ): Promise<{ run: SyncRunRecord; started: boolean }> {
    const inserted: SyncRunRecord[] = await manager.query(
      `INSERT INTO ${this.runs} (kind, direction, scope, requested_by, input)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, scope) WHERE status IN ('QUEUED','RUNNING') DO NOTHING
       RETURNING ${RUN_COLUMNS}`,
      [run.kind, run.direction, run.scope, run.requestedBy, run.input ?? {}],
    );
    if (inserted.length === 0) {
      const [active]: SyncRunRecord[] = await manager.query(
        `SELECT ${RUN_COLUMNS} FROM ${this.runs}
         WHERE kind = $1 AND scope = $2 AND status IN ('QUEUED','RUNNING')`,
        [run.kind, run.scope],
      );
      if (active) return { run: active, started: false };
      // The other run finished between our insert and this read: try once more.
      return this.start(manager, boss, run);
    }
    await this.queueChunk(manager, boss, inserted[0].id, 1);
    return { run: inserted[0], started: true };
  }

  async queueChunk(
    manager: EntityManager,
    boss: JobQueue,
    runId: string,
    chunk: number,
  ): Promise<void> {
    const data: ChunkJob = { runId, chunk };
    await boss.send(this.queue, data, { id: chunkJobId(runId, chunk), db: inTransaction(manager) });
  }

  async setTotal(manager: EntityManager, runId: string, total: number): Promise<void> {
    await manager.query(`UPDATE ${this.runs} SET total = $2 WHERE id = $1`, [runId, total]);
  }

  /** Locks the run for the rest of the transaction: chunks and stop requests go one at a time. */
  async lock(manager: EntityManager, runId: string): Promise<SyncRunRecord | null> {
    const [run]: SyncRunRecord[] = await manager.query(
      `SELECT ${RUN_COLUMNS} FROM ${this.runs} WHERE id = $1 FOR UPDATE`,
      [runId],
    );
    return run ?? null;
  }

  async markRunning(manager: EntityManager, runId: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.runs}
       SET status = 'RUNNING', started_at = COALESCE(started_at, now())
       WHERE id = $1 AND status = 'QUEUED'`,
      [runId],
    );
  }

  /** Adds a chunk's counts and failures and moves the checkpoint, all in the chunk's transaction. */
  async recordChunk(
    manager: EntityManager,
    runId: string,
    chunk: number,
    outcome: ChunkOutcome,
  ): Promise<void> {
    if (outcome.failures.length > 0) {
      await manager.query(
        `INSERT INTO ${this.failures} (run_id, record, reason)
         SELECT $1, record, reason FROM unnest($2::text[], $3::text[]) AS f(record, reason)
         ON CONFLICT (run_id, record) DO NOTHING`,
        [runId, outcome.failures.map((f) => f.record), outcome.failures.map((f) => f.reason)],
      );
    }
    await manager.query(
      `UPDATE ${this.runs} SET
         chunks_done = $2, checkpoint = $3, processed = processed + $4, added = added + $5,
         updated = updated + $6, unchanged = unchanged + $7, failed = failed + $8,
         deleted = deleted + $10,
         status = CASE WHEN $9 THEN 'SUCCEEDED' ELSE 'RUNNING' END,
         finished_at = CASE WHEN $9 THEN now() END
       WHERE id = $1`,
      [
        runId,
        chunk,
        JSON.stringify(outcome.checkpoint ?? null),
        outcome.processed,
        outcome.added,
        outcome.updated,
        outcome.unchanged,
        outcome.failures.length,
        outcome.done,
        outcome.deleted ?? 0,
      ],
    );
  }

  async finish(
    manager: EntityManager,
    runId: string,
    status: 'FAILED' | 'STOPPED',
    error: string | null = null,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.runs}
       SET status = $2, error = $3, finished_at = now()
       WHERE id = $1 AND status IN ('QUEUED','RUNNING')`,
      [runId, status, error],
    );
  }

  /**
   * A queued run stops at once; a running one at the start of its next chunk, keeping what the
   * chunks before did. A finished run is returned as it is.
   */
  async requestStop(dataSource: DataSource, runId: string): Promise<SyncRunRecord | null> {
    return dataSource.transaction(async (manager) => {
      const run = await this.lock(manager, runId);
      if (!run || FINISHED_STATUSES.has(run.status)) return run;
      if (run.status === 'QUEUED') await this.finish(manager, runId, 'STOPPED');
      else {
        await manager.query(`UPDATE ${this.runs} SET stop_requested = true WHERE id = $1`, [runId]);
      }
      return this.lock(manager, runId);
    });
  }

  /** Stops every queued or running run of a kind, in the caller's transaction (as requestStop). */
  async requestStopOfKind(manager: EntityManager, kind: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.runs}
       SET status = CASE WHEN status = 'QUEUED' THEN 'STOPPED' ELSE status END,
           finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END,
           stop_requested = status = 'RUNNING'
       WHERE kind = $1 AND status IN ('QUEUED','RUNNING')`,
      [kind],
    );
  }

  async byIds(dataSource: DataSource, ids: readonly string[]): Promise<SyncRunRecord[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return dataSource.query(`SELECT ${RUN_COLUMNS} FROM ${this.runs} WHERE id = ANY($1)`, [valid]);
  }

  /** Newest first, keyset-paginated on (queued_at, id). */
  async page(
    dataSource: DataSource,
    filter: SyncRunListFilter,
    after: [string, string] | null,
    limit: number,
  ): Promise<SyncRunRecord[]> {
    return dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM ${this.runs}
       WHERE ${RUN_FILTER}
         AND ($4::timestamptz IS NULL OR (queued_at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY queued_at DESC, id DESC LIMIT $6`,
      [...filterParams(filter), after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async count(dataSource: DataSource, filter: SyncRunListFilter): Promise<number> {
    const [row]: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM ${this.runs} WHERE ${RUN_FILTER}`,
      filterParams(filter),
    );
    return row.count;
  }

  /** Failures of many runs in one statement: the first `limit + 1` of each after one cursor. */
  async failuresOf(
    dataSource: DataSource,
    runIds: readonly string[],
    afterId: string | null,
    limit: number,
  ): Promise<SyncFailureRecord[]> {
    return dataSource.query(
      `SELECT ${FAILURE_COLUMNS} FROM (
         SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.run_id ORDER BY f.id) AS position
         FROM ${this.failures} f
         WHERE f.run_id = ANY($1) AND ($2::bigint IS NULL OR f.id > $2::bigint)
       ) f WHERE position <= $3 ORDER BY "runId", f.id`,
      [runIds, afterId, limit + 1],
    );
  }

  /** Removes finished runs (their failures with them) older than the retention period. */
  async removeFinishedBefore(manager: EntityManager, cutoff: Date): Promise<number> {
    const [, removed]: [unknown, number] = await manager.query(
      `DELETE FROM ${this.runs} WHERE finished_at < $1`,
      [cutoff],
    );
    return removed;
  }
}
