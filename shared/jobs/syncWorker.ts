import type PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { ensureQueue, type JobQueue } from './queue';
import {
  type ChunkJob,
  type ChunkOutcome,
  FINISHED_STATUSES,
  type SyncRunRecord,
  type SyncRuns,
} from './syncRuns';

/** One kind of sync a subgraph runs: how to do the next chunk of a run's records. */
export interface SyncKind {
  kind: string;
  /**
   * Handles at most `batchSize` records after `run.checkpoint`, inside the chunk's transaction,
   * and says where the next chunk starts. Writes must be idempotent: a chunk that dies before
   * committing runs again from the same checkpoint. `config` locates the other subgraphs.
   */
  processChunk(
    manager: EntityManager,
    run: SyncRunRecord,
    batchSize: number,
    config: Config,
  ): Promise<ChunkOutcome>;
}

export interface SyncWorkerOptions {
  boss: JobQueue;
  config: Config;
  dataSource: DataSource;
  runs: SyncRuns;
  kinds: readonly SyncKind[];
  settings: Config['jobs'];
  log: Logger;
}

export async function ensureSyncQueue(boss: JobQueue, runs: SyncRuns, settings: Config['jobs']) {
  await ensureQueue(boss, {
    name: runs.queue,
    retryLimit: settings.chunkRetryLimit,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: settings.chunkTimeoutSeconds,
  });
}

/**
 * Works through sync runs one chunk per job. Each chunk commits its records, its counts, its
 * checkpoint and the job for the next chunk together, so a worker killed mid-chunk leaves nothing
 * half-written: pg-boss expires the lost job and another worker redoes that chunk from the same
 * checkpoint.
 */
export async function startSyncWorker(options: SyncWorkerOptions): Promise<void> {
  const { boss, dataSource, runs, settings, log } = options;
  const kinds = new Map(options.kinds.map((kind) => [kind.kind, kind]));
  await ensureSyncQueue(boss, runs, settings);

  const runChunk = async ({ runId, chunk }: ChunkJob): Promise<void> => {
    await dataSource.transaction(async (manager) => {
      const run = await runs.lock(manager, runId);
      // Finished, or this chunk already committed and queued the next (a redelivered job).
      if (!run || FINISHED_STATUSES.has(run.status) || run.chunksDone >= chunk) return;
      if (run.stopRequested) return runs.finish(manager, runId, 'STOPPED');
      const kind = kinds.get(run.kind);
      if (!kind) throw new Error(`No worker handles sync runs of kind ${run.kind}`);
      await runs.markRunning(manager, runId);
      const outcome = await kind.processChunk(manager, run, settings.syncBatchSize, options.config);
      await runs.recordChunk(manager, runId, chunk, outcome);
      if (!outcome.done) await runs.queueChunk(manager, boss, runId, chunk + 1);
    });
  };

  await boss.work<ChunkJob>(
    runs.queue,
    { includeMetadata: true, pollingIntervalSeconds: settings.pollIntervalSeconds },
    async (jobs: PgBoss.JobWithMetadata<ChunkJob>[]) => {
      for (const job of jobs) {
        try {
          await runChunk(job.data);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log.error(
            { err: error, runId: job.data.runId, chunk: job.data.chunk },
            'sync chunk failed',
          );
          if (job.retryCount >= job.retryLimit) {
            // No attempt is left: the run ends here, with the reason, instead of staying RUNNING.
            await dataSource.transaction((manager) =>
              runs.finish(manager, job.data.runId, 'FAILED', message),
            );
          }
          throw error;
        }
      }
    },
  );
}
