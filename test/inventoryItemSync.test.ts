import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { retentionQueue } from '../shared/jobs/retention';
import { inventorySyncRuns } from '../subgraphs/inventory/jobs/runs';
import { DemoAgent, Graph, GraphQLResponse, startGraph } from './harness';
import { expectError, expectNoErrors, mutateOk } from './expectations';

/**
 * INV-3 and INV-4 on the job engine (SYNC-1), through the gateway: the item sync's settings, runs
 * that turn the organization's items into desk products, stopping them, and their history.
 *
 * Runs that must stay QUEUED are started against a graph without workers; everything else runs
 * against a graph whose subgraphs run their workers in process. The two never run at once.
 * afterAll puts back the settings, the items, the item ↔ product links and the runs as they were,
 * and removes the desk products the runs made.
 */

/** Small enough that the organization's items take several chunks. */
const BATCH = 10;
const RUN_TIMEOUT_MS = 45_000;

type Field = 'NAME' | 'SKU' | 'RATE' | 'PURCHASE_RATE';

interface Mapping {
  productName: Field;
  productCode: Field;
  unitPrice: Field;
}

interface Counts {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
}

interface Run {
  id: string;
  dataType: string;
  direction: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';
  stopRequested: boolean;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { processed: number; total: number | null; percent: number | null };
  counts: Counts;
  failures: { totalCount: number; nodes: { record: string; reason: string }[] };
}

interface ItemSync {
  enabled: boolean;
  departmentIds: string[];
  mapping: Mapping;
  currentRun: { id: string } | null;
}

interface ItemRow {
  id: string;
  sku: string;
  name: string;
  rate: number;
  purchaseRate: number | null;
  active: boolean;
}

interface Product {
  id: string;
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
  externalSource: string | null;
  externalId: string | null;
  departments: { name: string }[];
}

interface ProductPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Product[];
}

const DEFAULT_MAPPING: Mapping = { productName: 'NAME', productCode: 'SKU', unitPrice: 'RATE' };

const RUN_FIELDS = `id dataType direction status stopRequested error startedAt finishedAt
  progress { processed total percent } counts { added updated unchanged failed }
  failures(first: 100) { totalCount nodes { record reason } }`;
const ITEM_SYNC = `{ inventoryItemSync {
  enabled departmentIds mapping { productName productCode unitPrice } currentRun { id }
} }`;
const UPDATE = `mutation ($input: InventoryItemSyncInput!) {
  updateInventoryItemSync(input: $input) {
    enabled departmentIds mapping { productName productCode unitPrice } currentRun { id }
  }
}`;
const START = `mutation { startInventoryItemSync { started run { ${RUN_FIELDS} } } }`;
const STOP = `mutation ($id: ID!) { stopInventorySyncRun(id: $id) { ${RUN_FIELDS} } }`;
const RUN = `query ($id: ID!) { inventorySyncRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `query ($status: SyncRunStatus) {
  inventorySyncRuns(first: 100, status: $status) {
    totalCount nodes { id dataType direction status counts { added updated unchanged failed } }
  }
}`;
const PRODUCTS = `query ($departmentId: ID, $after: String) {
  products(first: 100, after: $after, departmentId: $departmentId) {
    pageInfo { hasNextPage endCursor }
    nodes { id name code unitPrice active externalSource externalId departments { name } }
  }
}`;
const ITEMS = '{ inventoryItems(first: 100) { totalCount nodes { id deskProductId } } }';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('INV-3/INV-4: syncing inventory items to desk products', () => {
  /** The test database, for setting data up and putting it back between the two graphs. */
  let db: Client;
  let graph: Graph;
  let organizationId: string;
  let departments: Record<'Support' | 'Billing' | 'Technical', string>;

  // What this file changes, as it was before.
  let settingBefore: {
    enabled: boolean;
    department_ids: string[];
    product_name: string;
    product_code: string;
    unit_price: string;
    updated_at: string;
  };
  let itemsBefore: { id: string; rate: string; purchase_rate: string | null }[];
  // Timestamps as text: a JavaScript Date would drop PostgreSQL's microseconds when put back.
  let linksBefore: { item_id: string; product_id: string; synced_at: string }[];
  let productsBefore: string[];
  let runsBefore: string[];

  const sql = async <Row>(text: string, params: unknown[] = []): Promise<Row[]> =>
    (await db.query(text, params)).rows as Row[];

  const query = <T>(as: DemoAgent, text: string, variables?: Record<string, unknown>) =>
    graph.query<T>(as, text, variables);

  async function itemSync(): Promise<ItemSync> {
    const res = await query<{ inventoryItemSync: ItemSync }>('admin', ITEM_SYNC);
    expectNoErrors(res);
    return res.data?.inventoryItemSync as ItemSync;
  }

  const update = (input: { enabled: boolean; departmentIds: string[]; mapping?: Mapping }) =>
    mutateOk<ItemSync>(graph, 'admin', UPDATE, { input });

  const start = () => mutateOk<{ started: boolean; run: Run }>(graph, 'admin', START, {});

  async function run(id: string): Promise<Run | null> {
    const res = await query<{ inventorySyncRun: Run | null }>('admin', RUN, { id });
    expectNoErrors(res);
    return res.data?.inventorySyncRun ?? null;
  }

  const finished = (id: string) =>
    waitFor(`run ${id} to finish`, async () => {
      const current = await run(id);
      return current && ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(current.status) && current;
    });

  /** The organization's items as the tables hold them now. */
  async function items(): Promise<ItemRow[]> {
    const rows = await sql<{
      id: string;
      sku: string;
      name: string;
      rate: string;
      purchase_rate: string | null;
      status: string;
    }>(
      'SELECT id, sku, name, rate, purchase_rate, status FROM inventory.item WHERE organization_id = $1 ORDER BY id',
      [organizationId],
    );
    return rows.map((row) => ({
      id: row.id,
      sku: row.sku,
      name: row.name,
      rate: Number(row.rate),
      purchaseRate: row.purchase_rate === null ? null : Number(row.purchase_rate),
      active: row.status === 'ACTIVE',
    }));
  }

  /** Every product linked to the department, all pages of them. */
  async function productsOf(departmentId: string): Promise<Product[]> {
    const all: Product[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<{ products: ProductPage }> = await query('admin', PRODUCTS, {
        departmentId,
        after,
      });
      expectNoErrors(res);
      const page = res.data?.products;
      all.push(...(page?.nodes ?? []));
      if (!page?.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  }

  /** Desk's current unit price of each item's product, by item id. */
  async function deskPrices(): Promise<Map<string, number>> {
    const rows = await sql<{ external_id: string; unit_price: string }>(
      `SELECT external_id, unit_price FROM desk.product WHERE external_source = 'inventory'`,
    );
    return new Map(rows.map((row) => [row.external_id, Number(row.unit_price)]));
  }

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    [{ organization_id: organizationId }] = await sql<{ organization_id: string }>(
      'SELECT organization_id FROM inventory.integration WHERE id = 1',
    );
    const rows = await sql<{ id: string; name: string }>('SELECT id, name FROM desk.department');
    const named = (name: string) => {
      const found = rows.find((row) => row.name === name);
      if (!found) throw new Error(`the seed has no department ${name}`);
      return found.id;
    };
    departments = {
      Support: named('Support'),
      Billing: named('Billing'),
      Technical: named('Technical'),
    };
    [settingBefore] = await sql(
      `SELECT enabled, department_ids, product_name, product_code, unit_price, updated_at::text
       FROM inventory.item_sync_setting WHERE id = 1`,
    );
    itemsBefore = await sql(
      'SELECT id, rate, purchase_rate FROM inventory.item WHERE organization_id = $1',
      [organizationId],
    );
    linksBefore = await sql(
      'SELECT item_id, product_id, synced_at::text FROM inventory.item_product',
    );
    productsBefore = (
      await sql<{ id: string }>(`SELECT id FROM desk.product WHERE external_source = 'inventory'`)
    ).map((row) => row.id);
    runsBefore = (await sql<{ id: string }>('SELECT id FROM inventory.sync_run')).map(
      (row) => row.id,
    );
  });

  afterAll(async () => {
    if (!db) return;
    try {
      if (settingBefore) {
        await sql(
          `UPDATE inventory.item_sync_setting SET enabled = $1, department_ids = $2,
             product_name = $3, product_code = $4, unit_price = $5, updated_at = $6::timestamptz
           WHERE id = 1`,
          [
            settingBefore.enabled,
            settingBefore.department_ids,
            settingBefore.product_name,
            settingBefore.product_code,
            settingBefore.unit_price,
            settingBefore.updated_at,
          ],
        );
        await sql(
          `UPDATE inventory.item i SET rate = b.rate, purchase_rate = b.purchase_rate
           FROM unnest($1::uuid[], $2::numeric[], $3::numeric[]) AS b(id, rate, purchase_rate)
           WHERE i.id = b.id`,
          [
            itemsBefore.map((row) => row.id),
            itemsBefore.map((row) => row.rate),
            itemsBefore.map((row) => row.purchase_rate),
          ],
        );
        await sql('DELETE FROM inventory.item_product');
        await sql(
          `INSERT INTO inventory.item_product (item_id, product_id, synced_at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])`,
          [
            linksBefore.map((row) => row.item_id),
            linksBefore.map((row) => row.product_id),
            linksBefore.map((row) => row.synced_at),
          ],
        );
        // Their department links go with them (ON DELETE CASCADE).
        await sql(
          `DELETE FROM desk.product WHERE external_source = 'inventory' AND NOT (id = ANY($1))`,
          [productsBefore],
        );
        await sql('DELETE FROM inventory.sync_run WHERE NOT (id = ANY($1))', [runsBefore]);
      }
    } finally {
      await db.end();
    }
  });

  describe('settings and queued runs (no worker running)', () => {
    beforeAll(async () => {
      graph = await startGraph();
    });
    afterAll(() => graph?.stop());

    it('refuses to switch on without a department, an unknown department, and a mapping from the wrong field', async () => {
      const before = await itemSync();
      const noDepartment = await query('admin', UPDATE, {
        input: { enabled: true, departmentIds: [] },
      });
      expectError(noDepartment, 'BAD_USER_INPUT', ['updateInventoryItemSync']);
      expect(noDepartment.errors?.[0].extensions?.field).toBe('departmentIds');
      expectError(
        await query('admin', UPDATE, {
          input: { enabled: true, departmentIds: [departments.Support, randomUUID()] },
        }),
        'NOT_FOUND',
        ['updateInventoryItemSync'],
      );
      for (const mapping of [
        { ...DEFAULT_MAPPING, productName: 'RATE' },
        { ...DEFAULT_MAPPING, productCode: 'PURCHASE_RATE' },
        { ...DEFAULT_MAPPING, unitPrice: 'NAME' },
      ]) {
        const res = await query('admin', UPDATE, {
          input: { enabled: true, departmentIds: [departments.Support], mapping },
        });
        expectError(res, 'BAD_USER_INPUT', ['updateInventoryItemSync']);
        expect(res.errors?.[0].extensions?.field).toBe('mapping');
      }
      expect(await itemSync()).toEqual(before);
    });

    it('refuses to start while the sync is off', async () => {
      await update({ enabled: false, departmentIds: [] });
      const res = await query('admin', START);
      expectError(res, 'BAD_USER_INPUT', ['startInventoryItemSync']);
      expect(res.errors?.[0].message).toMatch(/updateInventoryItemSync/);
      expect((await sql('SELECT id FROM inventory.sync_run')).length).toBe(runsBefore.length);
    });

    it('stores the switch, the departments and the mapping', async () => {
      const mapping: Mapping = {
        productName: 'SKU',
        productCode: 'NAME',
        unitPrice: 'PURCHASE_RATE',
      };
      const saved = await update({
        enabled: true,
        departmentIds: [departments.Billing, departments.Support, departments.Billing],
        mapping,
      });
      expect(saved).toEqual({
        enabled: true,
        departmentIds: expect.arrayContaining([departments.Billing, departments.Support]),
        mapping,
        currentRun: null,
      });
      expect(saved.departmentIds).toHaveLength(2);
      expect(await itemSync()).toEqual(saved);
      // Left out, the mapping stays as it is.
      const kept = await update({ enabled: true, departmentIds: [departments.Support] });
      expect(kept).toMatchObject({ departmentIds: [departments.Support], mapping });
      await update({
        enabled: true,
        departmentIds: [departments.Support, departments.Billing],
        mapping: DEFAULT_MAPPING,
      });
    });

    it('queues a run, returns it to a second start, and stops it at once while queued', async () => {
      const [{ count }] = await sql<{ count: number }>(
        'SELECT count(*)::int AS count FROM inventory.item WHERE organization_id = $1',
        [organizationId],
      );
      const first = await start();
      expect(first).toMatchObject({
        started: true,
        run: {
          dataType: 'ITEMS',
          direction: 'INTO_DESK',
          status: 'QUEUED',
          stopRequested: false,
          startedAt: null,
          finishedAt: null,
          progress: { processed: 0, total: count },
          counts: { added: 0, updated: 0, unchanged: 0, failed: 0 },
        },
      });
      const again = await start();
      expect(again).toMatchObject({ started: false, run: { id: first.run.id, status: 'QUEUED' } });
      expect((await itemSync()).currentRun).toEqual({ id: first.run.id });

      const stopped = await mutateOk<Run>(graph, 'admin', STOP, { id: first.run.id });
      expect(stopped).toMatchObject({ id: first.run.id, status: 'STOPPED' });
      expect(stopped.finishedAt).not.toBeNull();
      expect((await itemSync()).currentRun).toBeNull();

      // Once stopped, a start makes a new run.
      const fresh = await start();
      expect(fresh.started).toBe(true);
      expect(fresh.run.id).not.toBe(first.run.id);
      // Switching the sync off stops what is queued.
      await update({ enabled: false, departmentIds: [] });
      expect((await run(fresh.run.id))?.status).toBe('STOPPED');
    });

    it('NOT_FOUND when stopping a run that does not exist', async () => {
      expectError(await query('admin', STOP, { id: randomUUID() }), 'NOT_FOUND');
      expectError(await query('admin', STOP, { id: 'nope' }), 'NOT_FOUND');
    });

    it.each<DemoAgent>(['agent', 'newAgent', 'light'])(
      'refuses %s the settings, the runs and their history',
      async (as) => {
        const runs = (await sql('SELECT id FROM inventory.sync_run')).length;
        expectError(await query(as, ITEM_SYNC), 'FORBIDDEN');
        expectError(
          await query(as, UPDATE, {
            input: { enabled: true, departmentIds: [departments.Support] },
          }),
          'FORBIDDEN',
        );
        expectError(await query(as, START), 'FORBIDDEN');
        expectError(await query(as, STOP, { id: randomUUID() }), 'FORBIDDEN');
        expectError(await query(as, RUNS), 'FORBIDDEN');
        expect((await sql('SELECT id FROM inventory.sync_run')).length).toBe(runs);
      },
    );
  });

  describe('runs worked by the subgraph’s workers', () => {
    /** Every run these tests start, oldest first. */
    const started: string[] = [];

    const startAndFinish = async (): Promise<Run> => {
      const result = await start();
      expect(result.started).toBe(true);
      expect(['QUEUED', 'RUNNING']).toContain(result.run.status);
      started.push(result.run.id);
      return finished(result.run.id);
    };

    beforeAll(async () => {
      graph = await startGraph({
        workers: true,
        configure: (config) => ({
          ...config,
          jobs: { ...config.jobs, pollIntervalSeconds: 0.5, syncBatchSize: BATCH },
        }),
      });
      await update({
        enabled: true,
        departmentIds: [departments.Support, departments.Billing],
        mapping: DEFAULT_MAPPING,
      });
    });
    afterAll(() => graph?.stop());

    it('adds every item of the organization as a desk product of the chosen departments', async () => {
      const all = await items();
      // Desk products this source already has for the items are updated or unchanged, not added.
      const already = (await deskPrices()).size;
      const done = await startAndFinish();
      expect(done).toMatchObject({
        dataType: 'ITEMS',
        direction: 'INTO_DESK',
        status: 'SUCCEEDED',
        error: null,
        stopRequested: false,
        progress: { processed: all.length, total: all.length, percent: 100 },
        counts: { added: all.length - already, failed: 0 },
        failures: { totalCount: 0, nodes: [] },
      });
      expect(done.counts.updated + done.counts.unchanged).toBe(already);
      expect(done.startedAt).not.toBeNull();
      expect(done.finishedAt).not.toBeNull();

      const synced = (await productsOf(departments.Support)).filter(
        (product) => product.externalSource === 'inventory',
      );
      expect(synced.map((product) => product.externalId).sort()).toEqual(
        all.map((item) => item.id).sort(),
      );
      for (const item of all) {
        expect(synced.find((product) => product.externalId === item.id)).toEqual({
          id: expect.any(String),
          name: item.name,
          code: item.sku,
          unitPrice: item.rate,
          active: item.active,
          externalSource: 'inventory',
          externalId: item.id,
          departments: [{ name: 'Billing' }, { name: 'Support' }],
        });
      }
      const elsewhere = await productsOf(departments.Technical);
      expect(elsewhere.filter((product) => product.externalSource === 'inventory')).toEqual([]);

      const res = await query<{
        inventoryItems: { nodes: { id: string; deskProductId: string }[] };
      }>('admin', ITEMS);
      expectNoErrors(res);
      const productOf = new Map(synced.map((product) => [product.externalId, product.id]));
      expect(res.data?.inventoryItems.nodes).toHaveLength(all.length);
      for (const node of res.data?.inventoryItems.nodes ?? []) {
        expect(node.deskProductId).toBe(productOf.get(node.id));
      }
    });

    it('finds every product as the items have it on the next run', async () => {
      const all = await items();
      const done = await startAndFinish();
      expect(done).toMatchObject({
        status: 'SUCCEEDED',
        counts: { added: 0, updated: 0, unchanged: all.length, failed: 0 },
      });
    });

    it('updates the product of an item whose rate changed', async () => {
      const [item] = await items();
      const rate = item.rate + 10;
      await sql('UPDATE inventory.item SET rate = $2 WHERE id = $1', [item.id, rate]);
      try {
        const done = await startAndFinish();
        const all = await items();
        expect(done.counts).toEqual({ added: 0, updated: 1, unchanged: all.length - 1, failed: 0 });
        expect((await deskPrices()).get(item.id)).toBe(rate);
      } finally {
        await sql('UPDATE inventory.item SET rate = $2 WHERE id = $1', [item.id, item.rate]);
      }
    });

    it('reports an item without a purchase rate as a failure when prices map from purchase rates', async () => {
      const [, item] = await items();
      await sql('UPDATE inventory.item SET purchase_rate = NULL WHERE id = $1', [item.id]);
      try {
        await update({
          enabled: true,
          departmentIds: [departments.Support, departments.Billing],
          mapping: { ...DEFAULT_MAPPING, unitPrice: 'PURCHASE_RATE' },
        });
        const prices = await deskPrices();
        const others = (await items()).filter((other) => other.id !== item.id);
        const changed = others.filter((other) => other.purchaseRate !== prices.get(other.id));
        const done = await startAndFinish();
        expect(done).toMatchObject({
          status: 'SUCCEEDED',
          counts: {
            added: 0,
            updated: changed.length,
            unchanged: others.length - changed.length,
            failed: 1,
          },
        });
        expect(done.failures.totalCount).toBe(1);
        expect(done.failures.nodes).toEqual([
          { record: `item ${item.sku}`, reason: expect.stringMatching(/purchase rate/) },
        ]);
        const after = await deskPrices();
        for (const other of others) expect(after.get(other.id)).toBe(other.purchaseRate);
        // The failed item's product keeps the price it had.
        expect(after.get(item.id)).toBe(prices.get(item.id));
      } finally {
        await sql('UPDATE inventory.item SET purchase_rate = $2 WHERE id = $1', [
          item.id,
          item.purchaseRate,
        ]);
        await update({
          enabled: true,
          departmentIds: [departments.Support, departments.Billing],
          mapping: DEFAULT_MAPPING,
        });
      }
    });

    it('moves every product to the departments chosen since the last run', async () => {
      await update({ enabled: true, departmentIds: [departments.Technical] });
      const all = await items();
      const done = await startAndFinish();
      expect(done.counts).toEqual({ added: 0, updated: all.length, unchanged: 0, failed: 0 });
      const moved = (await productsOf(departments.Technical)).filter(
        (product) => product.externalSource === 'inventory',
      );
      expect(moved).toHaveLength(all.length);
      for (const product of moved) expect(product.departments).toEqual([{ name: 'Technical' }]);
      const left = await productsOf(departments.Support);
      expect(left.filter((product) => product.externalSource === 'inventory')).toEqual([]);
    });

    it('stops a running run at the end of its chunk, keeping what that chunk did', async () => {
      // Desk's syncProducts locks its product table; holding that lock keeps the first chunk busy.
      const blocker = new Client({ connectionString: graph.databaseUrl });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE desk.product IN SHARE ROW EXCLUSIVE MODE');
        const [{ pid: blockerPid }] = (
          await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
        ).rows;
        const waitingOn = (pattern: string, what: string) =>
          waitFor(what, async () => {
            const waiting = await sql(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                 AND pid <> $2 AND wait_event_type = 'Lock' AND query ILIKE $1`,
              [pattern, blockerPid],
            );
            return waiting.length > 0;
          });

        const result = await start();
        started.push(result.run.id);
        await waitingOn('%LOCK TABLE desk.product%', 'the first chunk to wait for desk');
        const stopping = query<{ stopInventorySyncRun: Run }>('admin', STOP, { id: result.run.id });
        await waitingOn('%sync_run%FOR UPDATE%', 'the stop to wait for the chunk in progress');
        await blocker.query('ROLLBACK');
        const stopped = await stopping;
        expectNoErrors(stopped);
        expect(stopped.data?.stopInventorySyncRun).toMatchObject({
          status: 'RUNNING',
          stopRequested: true,
        });
        const done = await finished(result.run.id);
        expect(done.status).toBe('STOPPED');
        expect(done.progress.processed).toBe(BATCH);
        const { added, updated, unchanged, failed } = done.counts;
        expect(added + updated + unchanged + failed).toBe(BATCH);
      } finally {
        await blocker.end();
      }
    });

    it('lists the history newest first, with direction, data type and counts', async () => {
      const res = await query<{
        inventorySyncRuns: {
          totalCount: number;
          nodes: {
            id: string;
            dataType: string;
            direction: string;
            status: string;
            counts: Counts;
          }[];
        };
      }>('admin', RUNS);
      expectNoErrors(res);
      const nodes = res.data?.inventorySyncRuns.nodes ?? [];
      expect(nodes.filter((node) => started.includes(node.id)).map((node) => node.id)).toEqual(
        [...started].reverse(),
      );
      for (const node of nodes) {
        expect(node).toMatchObject({ dataType: 'ITEMS', direction: 'INTO_DESK' });
      }
      const stopped = await query<{ inventorySyncRuns: { nodes: { status: string }[] } }>(
        'admin',
        RUNS,
        { status: 'STOPPED' },
      );
      const statuses = stopped.data?.inventorySyncRuns.nodes.map((node) => node.status) ?? [];
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(['STOPPED']));
    });

    it('removes runs finished more than 7 days ago, with their failures, and keeps newer ones', async () => {
      const [old, recent, latest] = await sql<{ id: string }>(
        `SELECT id FROM inventory.sync_run WHERE id = ANY($1) AND finished_at IS NOT NULL
         ORDER BY failed DESC, queued_at LIMIT 3`,
        [started],
      );
      expect(
        (await sql('SELECT 1 FROM inventory.sync_run_failure WHERE run_id = $1', [old.id])).length,
      ).toBeGreaterThan(0);
      await sql(
        `UPDATE inventory.sync_run SET finished_at = now() - interval '8 days' WHERE id = $1`,
        [old.id],
      );
      await sql(
        `UPDATE inventory.sync_run SET finished_at = now() - interval '6 days' WHERE id = $1`,
        [recent.id],
      );

      // INV-4's history is the last 7 days even before the hourly clean-up has run.
      const listed = await query<{ inventorySyncRuns: { nodes: { id: string }[] } }>(
        'admin',
        RUNS,
        {},
      );
      const listedIds = listed.data?.inventorySyncRuns.nodes.map((node) => node.id) ?? [];
      expect(listedIds).not.toContain(old.id);
      expect(listedIds).toContain(recent.id);

      // What pg-boss's cron sends every hour, sent now.
      const queue = retentionQueue(inventorySyncRuns);
      const jobId = (await graph.jobs.inventory.send(queue, {})) as string;
      await waitFor('the retention job', async () => {
        const job = await graph.jobs.inventory.getJobById(queue, jobId, { includeArchive: true });
        return job?.state === 'completed';
      });

      expect(await run(old.id)).toBeNull();
      expect(
        (await sql('SELECT 1 FROM inventory.sync_run_failure WHERE run_id = $1', [old.id])).length,
      ).toBe(0);
      expect((await run(recent.id))?.id).toBe(recent.id);
      expect((await run(latest.id))?.id).toBe(latest.id);
    });
  });
});
