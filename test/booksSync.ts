import { expectNoErrors, mutateOk, waitFor } from './expectations';
import { type Graph, startGraph } from './harness';

/**
 * Books sync runs (BKS-4/5/6) as the gateway shows them, started, waited for and removed again
 * the same way by the contact and the product sync suites, on a graph whose workers run them.
 */

export const RUN_TIMEOUT_MS = 45_000;

export type SyncDataType = 'CONTACTS' | 'PRODUCTS';

export interface SyncCounts {
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
}

export interface SyncRun {
  id: string;
  dataType: string;
  direction: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';
  error: string | null;
  progress: { processed: number; total: number | null };
  counts: SyncCounts;
  failures: { totalCount: number; nodes: { record: string; reason: string }[] };
}

const RUN_FIELDS = `id dataType direction status error progress { processed total }
  counts { added updated unchanged deleted failed }
  failures(first: 100) { totalCount nodes { record reason } }`;
export const START_SYNC = `mutation ($dataType: BooksSyncDataType!) {
  startBooksSync(dataType: $dataType) { started run { ${RUN_FIELDS} } }
}`;
const RUN = `query ($id: ID!) { booksSyncRun(id: $id) { ${RUN_FIELDS} } }`;

/** Every subgraph with its workers, polling every half second, syncing `batchSize` a chunk. */
export const startSyncGraph = (batchSize: number): Promise<Graph> =>
  startGraph({
    workers: true,
    configure: (config) => ({
      ...config,
      jobs: { ...config.jobs, pollIntervalSeconds: 0.5, syncBatchSize: batchSize },
    }),
  });

/** The ids of the runs there are now. */
export const syncRunIds = async (graph: Graph): Promise<string[]> =>
  (await graph.dataSources.books.query<{ id: string }[]>('SELECT id FROM books.sync_run')).map(
    (row) => row.id,
  );

/** Removes every run but those `syncRunIds` read before. */
export const removeRunsSince = async (graph: Graph, before: readonly string[]): Promise<void> => {
  await graph.dataSources.books.query('DELETE FROM books.sync_run WHERE NOT (id = ANY($1))', [
    before,
  ]);
};

/** Asks for a run as the administrator; `started` is false when one was queued or running. */
export const startSync = (graph: Graph, dataType: SyncDataType) =>
  mutateOk<{ started: boolean; run: SyncRun }>(graph, 'admin', START_SYNC, { dataType });

/** The run once it has ended, however it ended. */
export const finished = (graph: Graph, id: string): Promise<SyncRun> =>
  waitFor(
    `run ${id}`,
    async () => {
      const res = await graph.query<{ booksSyncRun: SyncRun | null }>('admin', RUN, { id });
      expectNoErrors(res);
      const run = res.data?.booksSyncRun;
      return run && ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(run.status) && run;
    },
    RUN_TIMEOUT_MS,
  );

/** A new run of `dataType`, which must start and succeed. */
export async function succeededSync(graph: Graph, dataType: SyncDataType): Promise<SyncRun> {
  const { started, run } = await startSync(graph, dataType);
  expect(started).toBe(true);
  const done = await finished(graph, run.id);
  expect(done).toMatchObject({ dataType, status: 'SUCCEEDED', error: null });
  return done;
}
