import fs from 'node:fs';
import path from 'node:path';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { badUserInput, notFound } from '../errors';
import { eachGroup, groupBy, isUuid } from '../loaders';
import {
  type Connection,
  decodeCursor,
  type Edge,
  type PageArgs,
  type PageLimits,
  pageSize,
  toConnection,
} from '../pagination';
import type { SyncFailureRecord, SyncRunRecord, SyncRunStatus, SyncRuns } from './syncRuns';

/**
 * The SDL every subgraph with sync runs appends to its own schema: the SyncRun interface and the
 * value types it shares, identical in each so that composition merges them.
 */
export const SYNC_RUN_SDL = fs.readFileSync(path.join(__dirname, 'syncRun.graphql'), 'utf8');

export interface SyncRunFilter {
  kind?: string | null;
  status?: SyncRunStatus | null;
}

interface FailurePageKey extends PageArgs {
  run: SyncRunRecord;
}

const notOurCursor = (after: string) =>
  badUserInput(`after is not a cursor this list produced: "${after}"`, { argument: 'after' });

/** A failure cursor holds the failure's row id, a positive integer. */
function failureCursor(after: string): string {
  const [id] = decodeCursor(after, 1);
  if (!/^[1-9]\d{0,17}$/.test(String(id))) throw notOurCursor(after);
  return String(id);
}

/** A run cursor holds the run's queued time and id. */
function runCursor(after: string): [string, string] {
  const [queuedAt, id] = decodeCursor(after, 2).map(String);
  if (Number.isNaN(Date.parse(queuedAt)) || !isUuid(id)) throw notOurCursor(after);
  return [queuedAt, id];
}

/** Per-request loaders for a subgraph's runs and their failure pages. */
export function syncRunLoaders(dataSource: DataSource, runs: SyncRuns, limits: PageLimits) {
  const run = new DataLoader<string, SyncRunRecord>(async (ids) => {
    const byId = new Map((await runs.byIds(dataSource, ids)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? notFound('SyncRun', id));
  });
  /** One statement per distinct (first, after), whatever the number of runs listed. */
  const failures = new DataLoader<FailurePageKey, Connection<SyncFailureRecord>, string>(
    async (keys) => {
      const results = new Map<FailurePageKey, Connection<SyncFailureRecord> | Error>();
      const groups = groupBy(keys, (key) => JSON.stringify([key.first ?? null, key.after ?? null]));
      await eachGroup(groups.values(), results, async (group) => {
        const { first, after } = group[0];
        const size = pageSize(first, limits);
        const rows = await runs.failuresOf(
          dataSource,
          group.map((key) => key.run.id),
          after ? failureCursor(after) : null,
          size,
        );
        const byRun = groupBy(rows, (row) => row.runId);
        for (const key of group) {
          results.set(
            key,
            toConnection(
              byRun.get(key.run.id) ?? [],
              size,
              (row) => [row.id],
              () => Promise.resolve(key.run.failed),
            ),
          );
        }
      });
      return keys.map((key) => results.get(key) as Connection<SyncFailureRecord> | Error);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.run.id, key.first ?? null, key.after ?? null]) },
  );
  return { run, failures };
}

export type SyncFailureConnectionModel = Connection<SyncFailureRecord>;
export type SyncFailureEdgeModel = Edge<SyncFailureRecord>;

export type SyncRunLoaders = ReturnType<typeof syncRunLoaders>;

/** A page of a subgraph's runs of the retention period, newest first. */
export async function syncRunPage(
  dataSource: DataSource,
  runs: SyncRuns,
  args: PageArgs & SyncRunFilter,
  settings: { limits: PageLimits; retentionDays: number },
): Promise<Connection<SyncRunRecord>> {
  const size = pageSize(args.first, settings.limits);
  const after = args.after ? runCursor(args.after) : null;
  const filter = {
    kind: args.kind,
    status: args.status,
    finishedSince: new Date(Date.now() - settings.retentionDays * 86_400_000),
  };
  const rows = await runs.page(dataSource, filter, after, size + 1);
  return toConnection(
    rows,
    size,
    (row) => [row.queuedAt.toISOString(), row.id],
    () => runs.count(dataSource, filter),
  );
}

/** Field resolvers of every concrete SyncRun type. */
export const syncRunFields = {
  progress: (run: SyncRunRecord) => ({
    processed: run.processed,
    total: run.total,
    percent: run.total ? Math.min(100, Math.round((run.processed / run.total) * 1000) / 10) : null,
  }),
  counts: (run: SyncRunRecord) => ({
    added: run.added,
    updated: run.updated,
    unchanged: run.unchanged,
    deleted: run.deleted,
    failed: run.failed,
  }),
  failures: (
    run: SyncRunRecord,
    args: PageArgs,
    ctx: { syncRuns: SyncRunLoaders },
  ): Promise<Connection<SyncFailureRecord>> => ctx.syncRuns.failures.load({ run, ...args }),
};
