import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { Client } from 'pg';
import { chunkJobId } from '../shared/jobs/syncRuns';
import { retentionQueue } from '../shared/jobs/retention';
import { deskSyncRuns } from '../subgraphs/desk/jobs/runs';
import { expectError, expectNoErrors, unique } from './expectations';
import { DemoAgent, Graph, startGraph } from './harness';

/**
 * ASC-6 and SYNC-1 through the gateway: association files imported as sync runs, worked by a
 * real `desk-worker` process that a test kills in the middle of a chunk.
 */

const BATCH = 20;

const START = `mutation ($input: ImportContactAssociationsInput!) {
  startAssociationImport(input: $input) {
    started
    run { id kind direction status progress { processed total } }
  }
}`;

const RUN = `query ($id: ID!, $first: Int, $after: String) {
  deskSyncRun(id: $id) {
    id kind direction status stopRequested error fileName startedAt finishedAt
    requestedBy { email }
    progress { processed total percent }
    counts { added updated unchanged failed }
    failures(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { record reason }
    }
  }
}`;

const STOP = `mutation ($id: ID!) { stopDeskSyncRun(id: $id) { id status stopRequested finishedAt } }`;

interface RunView {
  id: string;
  kind: string;
  direction: string;
  status: string;
  stopRequested: boolean;
  error: string | null;
  fileName: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  requestedBy: { email: string } | null;
  progress: { processed: number; total: number | null; percent: number | null };
  counts: { added: number; updated: number; unchanged: number; failed: number };
  failures: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { record: string; reason: string }[];
  };
}

let graph: Graph;
const workers = new Set<ChildProcess>();

/** A real worker process, as production runs it (`SERVICE=desk-worker`), with short timeouts. */
async function startWorker(): Promise<ChildProcess> {
  const root = path.resolve(__dirname, '..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/service.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        SERVICE: 'desk-worker',
        DATABASE_URL: graph.databaseUrl,
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        SYNC_BATCH_SIZE: String(BATCH),
        // A chunk whose worker vanished is retried after this, rather than after minutes.
        SYNC_CHUNK_TIMEOUT_SECONDS: '2',
        JOB_MAINTENANCE_INTERVAL_SECONDS: '1',
        JOB_POLL_INTERVAL_MS: '500',
        SYNC_CHUNK_RETRY_LIMIT: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  workers.add(child);
  child.once('exit', () => workers.delete(child));
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const errors: string[] = [];
  readline
    .createInterface({ input: child.stderr as NodeJS.ReadableStream })
    .on('line', (line) => errors.push(line));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker did not start: ${errors.join('\n')}`)),
      30_000,
    );
    lines.on('line', (line) => {
      if (line.includes('desk-worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code}: ${errors.join('\n')}`)),
    );
  });
  return child;
}

async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Some statement matching `pattern` is blocked on a row lock. */
const waitingOnLock = (pattern: string, what: string) =>
  waitFor(async () => {
    const waiting: unknown[] = await graph.dataSources.desk.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
         AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [pattern],
    );
    return waiting.length > 0;
  }, what);

/**
 * Holds, in an open transaction, the contact that the third chunk of a 4-accounts-per-contact
 * file reaches first (row i holds contact floor(i / 4); the third chunk is rows 41..60).
 */
async function holdThirdChunk(data: Fixture): Promise<Client> {
  const blocker = new Client({ connectionString: graph.databaseUrl });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('SELECT id FROM desk.contact WHERE email = $1 FOR UPDATE', [
    data.emails[(2 * BATCH) / data.accounts.length],
  ]);
  return blocker;
}

/** Two chunks committed, and the third waits for the contact the test holds. */
async function thirdChunkWaiting(id: string): Promise<void> {
  await waitFor(async () => (await runView(id)).progress.processed === 2 * BATCH, 'two chunks');
  await waitingOnLock('%FOR NO KEY UPDATE%', 'a chunk to wait on the contact the test holds');
}

async function runView(id: string, as: DemoAgent = 'admin', first = 100): Promise<RunView> {
  const res = await graph.query<{ deskSyncRun: RunView }>(as, RUN, { id, first });
  expectNoErrors(res);
  return res.data?.deskSyncRun as RunView;
}

const finished = (id: string) =>
  waitFor(async () => {
    const run = await runView(id);
    return ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(run.status) && run;
  }, `run ${id} to finish`);

function csvBase64(rows: string[][]): string {
  const lines = [['Contact Email', 'Account Name'], ...rows].map((r) => r.join(','));
  return Buffer.from(`${lines.join('\n')}\n`).toString('base64');
}

interface Fixture {
  emails: string[];
  accounts: string[];
  /** Rows of the file: every contact with every account, then rows naming nobody. */
  rows: string[][];
  badRows: number;
}

/** Contacts and accounts of this test alone, so counts do not depend on other suites. */
async function fixture(contacts: number, accounts: number, badRows: number): Promise<Fixture> {
  const label = unique('sync').replace(' ', '-');
  const emails = Array.from({ length: contacts }, (_, i) => `${label}-${i}@example.com`);
  const names = Array.from({ length: accounts }, (_, i) => `${label} account ${i}`);
  await graph.dataSources.desk.query(
    `INSERT INTO desk.contact (first_name, last_name, email)
     SELECT 'Sync', 'Contact ' || n, e FROM unnest($1::text[]) WITH ORDINALITY AS c(e, n)`,
    [emails],
  );
  await graph.dataSources.desk.query('INSERT INTO desk.account (name) SELECT unnest($1::text[])', [
    names,
  ]);
  const rows = emails.flatMap((email) => names.map((name) => [email, name]));
  for (let i = 0; i < badRows; i += 1) rows.push([`${label}-nobody-${i}@example.com`, names[0]]);
  return { emails, accounts: names, rows, badRows };
}

async function linkCount(emails: string[]): Promise<{ links: number; distinct: number }> {
  const [row]: { links: number; distinct: number }[] = await graph.dataSources.desk.query(
    `SELECT count(*)::int AS links, count(DISTINCT (ca.contact_id, ca.account_id))::int AS distinct
     FROM desk.contact_account ca JOIN desk.contact c ON c.id = ca.contact_id
     WHERE c.email = ANY($1)`,
    [emails],
  );
  return row;
}

async function start(fileName: string, contentBase64: string, as: DemoAgent = 'admin') {
  const res = await graph.query<{
    startAssociationImport: { started: boolean; run: { id: string; status: string } };
  }>(as, START, { input: { fileName, contentBase64 } });
  return res;
}

beforeAll(async () => {
  graph = await startGraph();
});

afterAll(async () => {
  await Promise.all([...workers].map((child) => stopWorker(child)));
  await graph?.stop();
});

describe('association import as a sync run (ASC-6, SYNC-1)', () => {
  it('returns at once with a queued run, joins a second start of the same file, and stops a queued run at once', async () => {
    const data = await fixture(3, 2, 0);
    const file = csvBase64(data.rows);
    const first = await start('queued.csv', file);
    expectNoErrors(first);
    const run = first.data?.startAssociationImport;
    expect(run).toMatchObject({
      started: true,
      run: {
        kind: 'ASSOCIATION_IMPORT',
        direction: 'INTO_DESK',
        status: 'QUEUED',
        progress: { processed: 0, total: 6 },
      },
    });

    // No worker runs yet, so it is still queued: the same file joins it.
    const again = await start('queued.csv', file);
    expect(again.data?.startAssociationImport).toMatchObject({
      started: false,
      run: { id: run?.run.id, status: 'QUEUED' },
    });

    const stopped = await graph.query<{ stopDeskSyncRun: { status: string } }>('admin', STOP, {
      id: run?.run.id,
    });
    expectNoErrors(stopped);
    expect(stopped.data?.stopDeskSyncRun).toMatchObject({ status: 'STOPPED' });
    // Stopping again leaves it as it is.
    expect((await graph.query('admin', STOP, { id: run?.run.id })).data).toMatchObject({
      stopDeskSyncRun: { status: 'STOPPED' },
    });
    expect(await linkCount(data.emails)).toEqual({ links: 0, distinct: 0 });

    // Once stopped, the same file may start afresh.
    const fresh = await start('queued.csv', file);
    expect(fresh.data?.startAssociationImport.started).toBe(true);
    expect(fresh.data?.startAssociationImport.run.id).not.toBe(run?.run.id);
    expectNoErrors(
      await graph.query('admin', STOP, { id: fresh.data?.startAssociationImport.run.id }),
    );
  });

  it('refuses an unusable file at once, and creates no run', async () => {
    const before = await deskSyncRuns.count(graph.dataSources.desk, {});
    const wrongHeader = Buffer.from('Name,Company\nx,y\n').toString('base64');
    const res = await start('bad.csv', wrongHeader);
    expectError(res, 'BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/Contact Email/);
    expectError(await start('bad.txt', wrongHeader), 'BAD_USER_INPUT');
    expect(await deskSyncRuns.count(graph.dataSources.desk, {})).toBe(before);
  });

  it.each<DemoAgent>(['newAgent', 'light'])(
    '%s may neither start, see nor stop association imports',
    async (as) => {
      const data = await fixture(1, 1, 0);
      expectError(await start('denied.csv', csvBase64(data.rows), as), 'FORBIDDEN');
      const queued = await start('allowed.csv', csvBase64(data.rows), 'admin');
      const id = queued.data?.startAssociationImport.run.id as string;
      expectError(await graph.query(as, RUN, { id }), 'FORBIDDEN');
      expectError(await graph.query(as, STOP, { id }), 'FORBIDDEN');
      expectError(await graph.query(as, 'query { deskSyncRuns { totalCount } }'), 'FORBIDDEN');
      expect((await graph.query('agent', RUN, { id })).data).toMatchObject({
        deskSyncRun: { id, status: 'QUEUED' },
      });
      expectNoErrors(await graph.query('admin', STOP, { id }));
    },
  );

  it('runs to the end in a worker: progress, counts and per-row failures through the gateway', async () => {
    const data = await fixture(10, 3, 5);
    const started = await start('full.csv', csvBase64(data.rows), 'agent');
    expectNoErrors(started);
    const id = started.data?.startAssociationImport.run.id as string;
    const worker = await startWorker();
    try {
      const run = await finished(id);
      const total = data.rows.length;
      expect(run).toMatchObject({
        status: 'SUCCEEDED',
        fileName: 'full.csv',
        requestedBy: { email: 'agent@demo.customer-graph.dev' },
        error: null,
        progress: { processed: total, total, percent: 100 },
        counts: { added: 30, updated: 0, unchanged: 0, failed: 5 },
      });
      expect(run.startedAt).not.toBeNull();
      expect(run.finishedAt).not.toBeNull();
      expect(run.failures.totalCount).toBe(5);
      // Data rows start at 2 (the header is row 1): the bad rows are the last five.
      expect(run.failures.nodes.map((f) => f.record)).toEqual(
        [32, 33, 34, 35, 36].map((n) => `row ${n}`),
      );
      expect(run.failures.nodes[0].reason).toMatch(/No contact has the e-mail/);
      expect(await linkCount(data.emails)).toEqual({ links: 30, distinct: 30 });

      // Failures page like every other list.
      const page = await runView(id, 'admin', 2);
      expect(page.failures.nodes.map((f) => f.record)).toEqual(['row 32', 'row 33']);
      const next = await graph.query<{ deskSyncRun: RunView }>('admin', RUN, {
        id,
        first: 2,
        after: page.failures.pageInfo.endCursor,
      });
      expect(next.data?.deskSyncRun.failures.nodes.map((f) => f.record)).toEqual([
        'row 34',
        'row 35',
      ]);

      // Two pages of the same run in one request stay apart (one batch, two cursors).
      const both = await graph.query<{
        deskSyncRun: Record<'first' | 'second', { nodes: { record: string }[] }>;
      }>(
        'admin',
        `query ($id: ID!, $after: String) { deskSyncRun(id: $id) {
          first: failures(first: 2) { nodes { record } }
          second: failures(first: 2, after: $after) { nodes { record } } } }`,
        { id, after: page.failures.pageInfo.endCursor },
      );
      expectNoErrors(both);
      expect(both.data?.deskSyncRun.first.nodes.map((f) => f.record)).toEqual(['row 32', 'row 33']);
      expect(both.data?.deskSyncRun.second.nodes.map((f) => f.record)).toEqual([
        'row 34',
        'row 35',
      ]);

      // A cursor this list did not produce is refused, not passed to the database.
      const forged = (values: unknown[]) =>
        Buffer.from(JSON.stringify(values)).toString('base64url');
      expectError(
        await graph.query('admin', RUN, { id, first: 2, after: forged(['x']) }),
        'BAD_USER_INPUT',
      );
      expectError(
        await graph.query(
          'admin',
          'query ($after: String) { deskSyncRuns(after: $after) { totalCount } }',
          {
            after: forged(['yesterday', 'not-a-uuid']),
          },
        ),
        'BAD_USER_INPUT',
      );

      // The same file again finds every link in place.
      const rerun = await start('full.csv', csvBase64(data.rows), 'agent');
      const second = await finished(rerun.data?.startAssociationImport.run.id as string);
      expect(second.counts).toEqual({ added: 0, updated: 0, unchanged: 30, failed: 5 });

      const listed = await graph.query<{
        deskSyncRuns: { nodes: { id: string }[]; totalCount: number };
      }>(
        'admin',
        `query { deskSyncRuns(first: 100, kind: ASSOCIATION_IMPORT, status: SUCCEEDED) {
          totalCount nodes { id } } }`,
      );
      expectNoErrors(listed);
      const ids = listed.data?.deskSyncRuns.nodes.map((n) => n.id) ?? [];
      // Newest first.
      expect(ids.indexOf(rerun.data?.startAssociationImport.run.id as string)).toBeLessThan(
        ids.indexOf(id),
      );
    } finally {
      await stopWorker(worker);
    }
  });

  it('finishes with the right counts and no duplicates when its worker is killed mid-chunk', async () => {
    const data = await fixture(20, 4, 0);
    const total = data.rows.length;
    const blocker = await holdThirdChunk(data);
    const started = await start('killed.csv', csvBase64(data.rows));
    const id = started.data?.startAssociationImport.run.id as string;
    let worker = await startWorker();
    try {
      await thirdChunkWaiting(id);
      await stopWorker(worker, 'SIGKILL');
      await blocker.query('ROLLBACK');
      expect((await runView(id)).progress.processed).toBe(2 * BATCH);

      worker = await startWorker();
      const run = await finished(id);
      expect(run).toMatchObject({
        status: 'SUCCEEDED',
        progress: { processed: total, total },
        counts: { added: total, updated: 0, unchanged: 0, failed: 0 },
      });
      expect(await linkCount(data.emails)).toEqual({ links: total, distinct: total });
      // The third chunk really was lost with its worker and done again by the new one.
      const job = await graph.jobs.desk.getJobById<{ chunk: number }>(
        deskSyncRuns.queue,
        chunkJobId(id, 3),
        { includeArchive: true },
      );
      expect(job?.retryCount).toBeGreaterThanOrEqual(1);
      expect(job?.state).toBe('completed');
    } finally {
      await blocker.end();
      await stopWorker(worker);
    }
  });

  it('stops a running run at the end of its chunk, keeping what it did', async () => {
    const data = await fixture(20, 4, 0);
    const blocker = await holdThirdChunk(data);
    const started = await start('stopped.csv', csvBase64(data.rows));
    const id = started.data?.startAssociationImport.run.id as string;
    const worker = await startWorker();
    try {
      await thirdChunkWaiting(id);

      // The stop waits for the chunk in progress (it holds the run), so release that chunk after asking.
      const stopping = graph.query<{ stopDeskSyncRun: { status: string; stopRequested: boolean } }>(
        'admin',
        STOP,
        { id },
      );
      await waitingOnLock('%sync_run%FOR UPDATE%', 'the stop to wait for the chunk in progress');
      await blocker.query('ROLLBACK');
      const stopped = await stopping;
      expectNoErrors(stopped);
      const run = await finished(id);
      expect(run.status).toBe('STOPPED');
      expect(run.progress.processed).toBe(3 * BATCH);
      expect(run.counts.added).toBe(3 * BATCH);
      expect(await linkCount(data.emails)).toEqual({ links: 3 * BATCH, distinct: 3 * BATCH });
    } finally {
      await blocker.end();
      await stopWorker(worker);
    }
  });

  it('ends a run FAILED, with the reason, when its chunk fails every attempt', async () => {
    // Started first: its settings (one retry) are the queue's when the chunk job is made.
    const worker = await startWorker();
    // A kind no worker handles stands in for a chunk that keeps throwing.
    const id = await graph.dataSources.desk.transaction(async (manager) => {
      const { run } = await deskSyncRuns.start(manager, graph.jobs.desk, {
        kind: 'NO_SUCH_KIND',
        direction: 'INTO_DESK',
        scope: unique('failing'),
        requestedBy: null,
      });
      return run.id;
    });
    try {
      const run = await waitFor(async () => {
        const [row]: { status: string; error: string | null; finished: boolean }[] =
          await graph.dataSources.desk.query(
            'SELECT status, error, finished_at IS NOT NULL AS finished FROM desk.sync_run WHERE id = $1',
            [id],
          );
        return row.status !== 'QUEUED' && row.status !== 'RUNNING' && row;
      }, 'the run to fail');
      expect(run).toEqual({
        status: 'FAILED',
        error: 'No worker handles sync runs of kind NO_SUCH_KIND',
        finished: true,
      });
      // The run ends inside the last attempt, just before pg-boss records that attempt as failed.
      const job = await waitFor(async () => {
        const found = await graph.jobs.desk.getJobById(deskSyncRuns.queue, chunkJobId(id, 1), {
          includeArchive: true,
        });
        return found?.state !== 'active' && found;
      }, 'the chunk job to end');
      // The first attempt and the one retry the worker allows.
      expect(job).toMatchObject({ state: 'failed', retryCount: 1 });
    } finally {
      await stopWorker(worker);
    }
  });

  it('NOT_FOUND for a run that does not exist', async () => {
    expectError(
      await graph.query('admin', STOP, { id: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
    );
    expectError(await graph.query('admin', STOP, { id: 'nope' }), 'NOT_FOUND');
    const res = await graph.query('admin', RUN, { id: '00000000-0000-4000-8000-000000000000' });
    expectNoErrors(res);
    expect(res.data).toEqual({ deskSyncRun: null });
  });
});

describe('sync history retention', () => {
  it('the scheduled job removes runs finished more than 7 days ago, with their failures, and keeps newer ones', async () => {
    const insert = (finishedDaysAgo: number | null) =>
      graph.dataSources.desk
        .query(
          `INSERT INTO desk.sync_run (kind, direction, scope, status, queued_at, finished_at)
           VALUES ('ASSOCIATION_IMPORT', 'INTO_DESK', $1,
                   CASE WHEN $2::int IS NULL THEN 'RUNNING' ELSE 'SUCCEEDED' END,
                   now() - interval '30 days',
                   now() - make_interval(days => $2::int))
           RETURNING id`,
          [unique('retention'), finishedDaysAgo],
        )
        .then((rows: { id: string }[]) => rows[0].id);
    const old = await insert(8);
    const recent = await insert(6);
    const running = await insert(null);
    await graph.dataSources.desk.query(
      `INSERT INTO desk.sync_run_failure (run_id, record, reason) VALUES ($1, 'row 2', 'x'), ($2, 'row 2', 'y')`,
      [old, recent],
    );

    const worker = await startWorker();
    try {
      // What pg-boss's cron sends every hour, sent now.
      const jobId = (await graph.jobs.desk.send(retentionQueue(deskSyncRuns), {})) as string;
      await waitFor(async () => {
        const job = await graph.jobs.desk.getJobById(retentionQueue(deskSyncRuns), jobId, {
          includeArchive: true,
        });
        return job?.state === 'completed';
      }, 'the retention job');
      const left: { id: string }[] = await graph.dataSources.desk.query(
        'SELECT id FROM desk.sync_run WHERE id = ANY($1)',
        [[old, recent, running]],
      );
      expect(left.map((r) => r.id).sort()).toEqual([recent, running].sort());
      const failures: { run_id: string }[] = await graph.dataSources.desk.query(
        'SELECT run_id FROM desk.sync_run_failure WHERE run_id = ANY($1)',
        [[old, recent]],
      );
      expect(failures).toEqual([{ run_id: recent }]);
      const schedules = await graph.jobs.desk.getSchedules();
      expect(schedules.map((s) => s.name)).toContain(retentionQueue(deskSyncRuns));
    } finally {
      await stopWorker(worker);
    }
  });
});
