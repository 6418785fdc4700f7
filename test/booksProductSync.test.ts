import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  deskProductValues,
  itemSyncHash,
  suffixedSku,
} from '../subgraphs/books/domain/productSync';
import { booksState } from './booksState';
import {
  removeRunsSince,
  startSyncGraph,
  succeededSync,
  type SyncRun,
  syncRunIds,
} from './booksSync';
import { expectError, mutateOk, sqlOn, unique } from './expectations';
import type { Graph } from './harness';

/**
 * BKS-6 through the gateway, with the subgraphs' workers: product sync runs between desk products
 * and books items, per direction and conflict policy, and desk's updateProduct they write with.
 *
 * A run reads every desk product, so those of the demo and of earlier suites are read too: each
 * run's counts are checked against desk's product count taken just before it, all but the
 * products a test changed being UNCHANGED (or, in the first run, ADDED). afterAll puts back the
 * setting, every books item as it was, and the runs, and removes the desk products this file and
 * its runs made.
 */

interface ProductRow {
  id: string;
  name: string;
  code: string;
  unit_price: number;
  active: boolean;
  external_source: string | null;
  external_id: string | null;
}

interface ItemRow {
  id: string;
  sku: string;
  name: string;
  rate: number;
  tax_rate: number;
  active: boolean;
  desk_product_id: string | null;
  synced_hash: string | null;
}

/** Desk products a test changed, by how the run counts them; all others are UNCHANGED. */
interface Changed {
  added?: number;
  updated?: number;
  failed?: number;
  /** TWO_WAY: items the run made a desk product of, after reading desk's. */
  itemsAdded?: number;
}

const UPDATE_SETTING = `mutation ($input: BooksProductSyncInput!) {
  updateBooksProductSync(input: $input) { enabled }
}`;
const PRODUCT_FIELDS = 'id name code unitPrice active externalSource';
const UPDATE_PRODUCT = `mutation ($id: ID!, $input: UpdateProductInput!) {
  updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} }
}`;
const SYNC_PRODUCTS = `mutation ($input: SyncProductsInput!) {
  syncProducts(input: $input) { results { error product { id } } }
}`;
const PRODUCT_COLUMNS =
  'id, name, code, unit_price::float8 AS unit_price, active, external_source, external_id';
const ITEM_COLUMNS = `id, sku, name, rate::float8 AS rate, tax_rate::float8 AS tax_rate, active,
  desk_product_id, synced_hash`;

/** The hash both sides have when an item holds exactly the desk product's values. */
const deskHash = (product: ProductRow) =>
  itemSyncHash(
    deskProductValues({
      name: product.name,
      code: product.code,
      unitPrice: product.unit_price,
      active: product.active,
    }),
  );

/**
 * Chunks small enough that desk's products take about three, whatever earlier suites left in
 * desk, and no smaller: each chunk waits for a worker's poll.
 */
async function batchSize(): Promise<number> {
  const db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM desk.product',
    );
    return Math.min(100, Math.max(8, Math.ceil(rows[0].count / 3)));
  } finally {
    await db.end();
  }
}

describe('BKS-6: product sync runs between desk products and books items', () => {
  let graph: Graph;
  const { sql } = sqlOn(() => graph.dataSources.books);
  const state = booksState(() => graph.dataSources.books);
  const tag = `BPS-${randomUUID().slice(0, 8)}`;
  let settingBefore: Record<string, unknown>;
  let itemsBefore: unknown[];
  let runsBefore: string[];
  let productsBefore: string[];
  let organizationId: string;
  const createdProducts: string[] = [];
  const inventorySource = unique('inventory');

  let alpha: ProductRow;
  let oneWay: ProductRow;
  let overwrite: ProductRow;
  let skip: ProductRow;
  let duplicate: ProductRow;
  let inventory: ProductRow;
  /** An item of books only, until TWO_WAY gives it a desk product. */
  let booksOnly: ItemRow;

  const setting = (
    direction: 'TWO_WAY' | 'TO_BOOKS',
    conflictPolicy: 'DUPLICATE' | 'OVERWRITE' | 'SKIP' = 'SKIP',
  ) =>
    mutateOk(graph, 'admin', UPDATE_SETTING, {
      input: { enabled: true, direction, conflictPolicy },
    });

  const deskProductCount = async () =>
    (await sql<{ count: number }>('SELECT count(*)::int AS count FROM desk.product'))[0].count;

  /** A run, whose counts must be exactly `changed` with every other desk product UNCHANGED. */
  async function sync(changed: Changed = {}): Promise<SyncRun> {
    const products = await deskProductCount();
    const done = await succeededSync(graph, 'PRODUCTS');
    const { added = 0, updated = 0, failed = 0, itemsAdded = 0 } = changed;
    expect(done.counts).toEqual({
      added: added + itemsAdded,
      updated,
      failed,
      unchanged: products - added - updated - failed,
      // A product run never deletes.
      deleted: 0,
    });
    expect(done.progress).toEqual({
      processed: products + itemsAdded,
      total: products + itemsAdded,
    });
    return done;
  }

  const product = async (id: string): Promise<ProductRow> =>
    (await sql<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM desk.product WHERE id = $1`, [id]))[0];

  const itemOf = async (productId: string): Promise<ItemRow | undefined> =>
    (
      await sql<ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM books.item WHERE organization_id = $1 AND desk_product_id = $2`,
        [organizationId, productId],
      )
    )[0];

  const item = async (id: string): Promise<ItemRow> =>
    (await sql<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM books.item WHERE id = $1`, [id]))[0];

  /** The product books made of an item, under its key. */
  const productMadeOf = async (itemId: string): Promise<ProductRow | undefined> =>
    (
      await sql<ProductRow>(
        `SELECT ${PRODUCT_COLUMNS} FROM desk.product
         WHERE external_source = 'books' AND external_id = $1`,
        [itemId],
      )
    )[0];

  /** A product made in desk (desk has no mutation that makes one; its seed makes them so). */
  async function nativeProduct(label: string, unitPrice: number): Promise<ProductRow> {
    const [{ id }] = await sql<{ id: string }>(
      'INSERT INTO desk.product (name, code, unit_price) VALUES ($1, $2, $3) RETURNING id',
      [`${label} ${tag}`, `${tag}-${label}`, unitPrice],
    );
    createdProducts.push(id);
    return product(id);
  }

  async function newItem(values: { sku: string; name: string; rate: number }): Promise<ItemRow> {
    const [{ id }] = await sql<{ id: string }>(
      `INSERT INTO books.item (organization_id, sku, name, rate, tax_rate, active)
       VALUES ($1, $2, $3, $4, 10, true) RETURNING id`,
      [organizationId, values.sku, values.name, values.rate],
    );
    return item(id);
  }

  const updateProduct = (id: string, input: Record<string, unknown>) =>
    mutateOk<{ id: string }>(graph, 'admin', UPDATE_PRODUCT, { id, input });

  beforeAll(async () => {
    graph = await startSyncGraph(await batchSize());
    [settingBefore] = await sql(
      `SELECT enabled, direction, conflict_policy, updated_at::text
       FROM books.product_sync_setting WHERE id = 1`,
    );
    itemsBefore = await state.rows('item');
    runsBefore = await syncRunIds(graph);
    productsBefore = (await sql<{ id: string }>('SELECT id FROM desk.product')).map((r) => r.id);
    [{ organization_id: organizationId }] = await sql<{ organization_id: string }>(
      'SELECT organization_id FROM books.connection WHERE id = 1',
    );
    alpha = await nativeProduct('Alpha', 10);
    oneWay = await nativeProduct('OneWay', 50);
    overwrite = await nativeProduct('Overwrite', 20);
    skip = await nativeProduct('Skip', 30);
    duplicate = await nativeProduct('Duplicate', 40);
    const { results } = await mutateOk<{ results: { product: { id: string } }[] }>(
      graph,
      'admin',
      SYNC_PRODUCTS,
      {
        input: {
          source: inventorySource,
          products: [
            {
              externalId: `item-${tag}`,
              name: `Inventory ${tag}`,
              code: `${tag}-Inventory`,
              unitPrice: 60,
              active: true,
              departmentIds: [],
            },
          ],
        },
      },
    );
    inventory = await product(results[0].product.id);
    createdProducts.push(inventory.id);
    booksOnly = await newItem({ sku: `${tag}-BooksOnly`, name: `Books only ${tag}`, rate: 70 });
  });

  afterAll(async () => {
    if (!graph) return;
    try {
      if (settingBefore) {
        const s = settingBefore;
        await sql(
          `UPDATE books.product_sync_setting SET enabled = $1, direction = $2,
             conflict_policy = $3, updated_at = $4::timestamptz WHERE id = 1`,
          [s.enabled, s.direction, s.conflict_policy, s.updated_at],
        );
        // Every item back as it was: made ones removed, changed (or deleted) ones restored.
        await state.restoreRows('item', itemsBefore, [
          'sku',
          'name',
          'rate',
          'tax_rate',
          'active',
          'desk_product_id',
          'desk_synced_at',
          'synced_hash',
          'updated_at',
        ]);
        // This file's products, and those its runs made of items; other suites' stay.
        await sql(
          `DELETE FROM desk.product WHERE id = ANY($1)
             OR (external_source = 'books' AND NOT (id = ANY($2)))`,
          [createdProducts, productsBefore],
        );
        await removeRunsSince(graph, runsBefore);
      }
    } finally {
      await graph.stop();
    }
  });

  it('TO_BOOKS makes an item of every desk product, linked and hashed, and writes nothing to desk', async () => {
    await setting('TO_BOOKS');
    const deskBefore = await sql('SELECT to_jsonb(p) AS row FROM desk.product p ORDER BY id');
    const [{ count: unlinked }] = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM desk.product p WHERE NOT EXISTS
         (SELECT 1 FROM books.item i WHERE i.organization_id = $1 AND i.desk_product_id = p.id)`,
      [organizationId],
    );
    const done = await sync({ added: unlinked });
    expect(done.direction).toBe('FROM_DESK');
    for (const made of [alpha, oneWay, overwrite, skip, duplicate, inventory]) {
      expect(await itemOf(made.id)).toEqual({
        id: expect.any(String),
        sku: made.code,
        name: made.name,
        rate: made.unit_price,
        // Desk products carry no tax: books' rate starts at 0.
        tax_rate: 0,
        active: true,
        desk_product_id: made.id,
        synced_hash: deskHash(made),
      });
    }
    expect(await sql('SELECT to_jsonb(p) AS row FROM desk.product p ORDER BY id')).toEqual(
      deskBefore,
    );
    expect((await item(booksOnly.id)).desk_product_id).toBeNull();
  });

  it('TO_BOOKS never writes to desk, even when only books changed, and still takes desk’s changes', async () => {
    await sql('UPDATE books.item SET rate = 55 WHERE desk_product_id = $1', [oneWay.id]);
    const oneWayItem = await itemOf(oneWay.id);
    await updateProduct(alpha.id, { unitPrice: 11.5 });
    alpha = await product(alpha.id);
    await sync({ updated: 1 });
    expect(await product(oneWay.id)).toEqual(oneWay);
    expect(await itemOf(oneWay.id)).toEqual(oneWayItem);
    expect(await itemOf(alpha.id)).toMatchObject({ rate: 11.5, synced_hash: deskHash(alpha) });
  });

  it('changes nothing when run again', async () => {
    await sync();
  });

  it('TWO_WAY writes a books-only change back to a desk product and makes a desk product of every item without one', async () => {
    await setting('TWO_WAY');
    const unlinked = await sql<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM books.item
       WHERE organization_id = $1 AND desk_product_id IS NULL`,
      [organizationId],
    );
    expect(unlinked.map((row) => row.id)).toContain(booksOnly.id);
    const done = await sync({ updated: 1, itemsAdded: unlinked.length });
    expect(done.direction).toBe('BOTH_WAYS');
    oneWay = await product(oneWay.id);
    expect(oneWay.unit_price).toBe(55);
    expect((await itemOf(oneWay.id))?.synced_hash).toBe(deskHash(oneWay));
    for (const row of unlinked) {
      const made = await productMadeOf(row.id);
      expect(made).toMatchObject({
        name: row.name,
        code: row.sku,
        unit_price: row.rate,
        active: row.active,
      });
      expect(await item(row.id)).toMatchObject({
        desk_product_id: made?.id,
        synced_hash: made && deskHash(made),
      });
    }
  });

  it('changes nothing when run again both ways', async () => {
    await sync();
  });

  it('reports a product inventory keeps in sync as a failure instead of writing to it', async () => {
    const before = await itemOf(inventory.id);
    await sql('UPDATE books.item SET rate = 99 WHERE id = $1', [before?.id]);
    const done = await sync({ failed: 1 });
    expect(done.failures.nodes).toEqual([
      {
        record: `product ${inventory.code}`,
        reason: `desk keeps this product in sync from ${inventorySource}: books' changes are not written to it`,
      },
    ]);
    expect(await product(inventory.id)).toEqual(inventory);
    // Books agrees with desk again: nothing to write, nothing to report.
    await sql('UPDATE books.item SET rate = $2 WHERE id = $1', [before?.id, before?.rate]);
    await sync();
  });

  it('OVERWRITE: desk’s version wins in books when both sides changed', async () => {
    await setting('TWO_WAY', 'OVERWRITE');
    await updateProduct(overwrite.id, { unitPrice: 21 });
    overwrite = await product(overwrite.id);
    await sql(`UPDATE books.item SET name = 'Renamed in books' WHERE desk_product_id = $1`, [
      overwrite.id,
    ]);
    await sync({ updated: 1 });
    expect(await itemOf(overwrite.id)).toMatchObject({
      name: overwrite.name,
      rate: 21,
      synced_hash: deskHash(overwrite),
    });
    expect(await product(overwrite.id)).toEqual(overwrite);
  });

  it('SKIP: leaves both sides as they are and reports the record', async () => {
    await setting('TWO_WAY', 'SKIP');
    await updateProduct(skip.id, { unitPrice: 31 });
    skip = await product(skip.id);
    const before = await itemOf(skip.id);
    await sql(`UPDATE books.item SET name = 'Renamed in books' WHERE id = $1`, [before?.id]);
    const done = await sync({ failed: 1 });
    expect(done.failures.nodes).toEqual([
      { record: `product ${skip.code}`, reason: 'changed on both sides' },
    ]);
    expect(await itemOf(skip.id)).toEqual({ ...before, name: 'Renamed in books' });
    expect(await product(skip.id)).toEqual(skip);
    // Once books agrees with desk again, the record is in sync without a write.
    await sql('UPDATE books.item SET name = $2, rate = 31 WHERE id = $1', [before?.id, skip.name]);
    await sync();
    expect((await itemOf(skip.id))?.synced_hash).toBe(deskHash(skip));
  });

  it('DUPLICATE: keeps the item, unlinked, and links a new one with desk’s version under a suffixed SKU, which TWO_WAY gives desk too', async () => {
    await setting('TWO_WAY', 'DUPLICATE');
    await updateProduct(duplicate.id, { name: `Duplicate (desk) ${tag}` });
    const old = (await itemOf(duplicate.id)) as ItemRow;
    await sql('UPDATE books.item SET rate = 44 WHERE id = $1', [old.id]);
    // The kept item then has no desk product, and is given one.
    await sync({ added: 1, itemsAdded: 1 });
    const keptProduct = await productMadeOf(old.id);
    expect(await item(old.id)).toMatchObject({
      sku: duplicate.code,
      rate: 44,
      desk_product_id: keptProduct?.id,
    });
    expect(keptProduct).toMatchObject({ code: duplicate.code, unit_price: 44 });
    duplicate = await product(duplicate.id);
    expect(duplicate).toMatchObject({
      name: `Duplicate (desk) ${tag}`,
      code: suffixedSku(old.sku, duplicate.id),
      unit_price: 40,
    });
    const fresh = await itemOf(duplicate.id);
    expect(fresh?.id).not.toBe(old.id);
    expect(fresh).toMatchObject({
      sku: suffixedSku(old.sku, duplicate.id),
      name: `Duplicate (desk) ${tag}`,
      rate: 40,
      // The kept item's, the only tax rate books knew for this product.
      tax_rate: old.tax_rate,
      synced_hash: deskHash(duplicate),
    });
  });

  it('DUPLICATE of a product books made of the item: the item keeps the link with desk’s version, and books’ version becomes a new item', async () => {
    const made = (await productMadeOf(booksOnly.id)) as ProductRow;
    await updateProduct(made.id, { unitPrice: 12.34 });
    await sql(`UPDATE books.item SET name = 'Books version' WHERE id = $1`, [booksOnly.id]);
    await sync({ added: 1, itemsAdded: 1 });
    const desk = await product(made.id);
    expect(desk).toMatchObject({ name: made.name, code: made.code, unit_price: 12.34 });
    expect(await item(booksOnly.id)).toMatchObject({
      name: made.name,
      sku: made.code,
      rate: 12.34,
      desk_product_id: made.id,
      synced_hash: deskHash(desk),
    });
    const [copy] = await sql<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM books.item WHERE organization_id = $1 AND sku = $2`,
      [organizationId, suffixedSku(made.code, made.id)],
    );
    expect(copy).toMatchObject({ name: 'Books version', rate: 70, tax_rate: 10 });
    expect(await productMadeOf(copy.id)).toMatchObject({
      name: 'Books version',
      code: copy.sku,
      unit_price: 70,
    });
  });

  it('an unlinked item with the same SKU: linked when alike, desk’s values with OVERWRITE', async () => {
    await setting('TWO_WAY', 'OVERWRITE');
    const alike = await nativeProduct('Alike', 5);
    const alikeItem = await newItem({ sku: alike.code, name: alike.name, rate: 5 });
    const other = await nativeProduct('Other', 7);
    const otherItem = await newItem({ sku: other.code.toLowerCase(), name: 'Old name', rate: 6 });
    await sync({ added: 2 });
    expect(await itemOf(alike.id)).toMatchObject({
      id: alikeItem.id,
      synced_hash: deskHash(alike),
    });
    expect(await itemOf(other.id)).toMatchObject({
      id: otherItem.id,
      sku: other.code,
      name: other.name,
      rate: 7,
      synced_hash: deskHash(other),
    });
  });

  it('an unlinked item with the same SKU, DUPLICATE: TO_BOOKS makes a new item under a suffixed SKU and leaves desk alone; TWO_WAY then gives desk the suffix', async () => {
    await setting('TO_BOOKS', 'DUPLICATE');
    const match = await nativeProduct('Match', 9);
    const kept = await newItem({ sku: match.code, name: 'Kept in books', rate: 8 });
    await sync({ added: 1 });
    expect(await item(kept.id)).toEqual(kept);
    expect(await itemOf(match.id)).toMatchObject({
      sku: suffixedSku(match.code, match.id),
      name: match.name,
      rate: 9,
      synced_hash: deskHash(match),
    });
    expect(await product(match.id)).toEqual(match);
    // The suffix alone is no change of books'.
    await sync();

    await setting('TWO_WAY', 'DUPLICATE');
    // The suffix goes to desk, which frees the code for the kept item's own product.
    await sync({ updated: 1, itemsAdded: 1 });
    expect(await product(match.id)).toEqual({ ...match, code: suffixedSku(match.code, match.id) });
    expect(await productMadeOf(kept.id)).toMatchObject({ code: match.code, unit_price: 8 });
  });

  it('an unlinked item with the same SKU, SKIP: reported, and not sent to desk as a product of its own', async () => {
    await setting('TWO_WAY', 'SKIP');
    const held = await nativeProduct('Held', 11);
    const heldItem = await newItem({ sku: held.code, name: 'Held in books', rate: 10 });
    const done = await sync({ failed: 1 });
    expect(done.failures.nodes).toEqual([
      {
        record: `product ${held.code}`,
        reason: `books has an item with this SKU (${held.code}) and other values: left as it is`,
      },
    ]);
    expect(await item(heldItem.id)).toEqual(heldItem);
    expect(await productMadeOf(heldItem.id)).toBeUndefined();
    expect(await product(held.id)).toEqual(held);
    // Out of the way of the next runs, which would report it again.
    await sql('DELETE FROM books.item WHERE id = $1', [heldItem.id]);
    await sql('DELETE FROM desk.product WHERE id = $1', [held.id]);
  });

  it('changes nothing when run again after every policy', async () => {
    await sync();
  });

  describe('desk’s updateProduct', () => {
    it('changes the fields given, for an agent who may edit products', async () => {
      const changed = await mutateOk(graph, 'admin', UPDATE_PRODUCT, {
        id: alpha.id,
        input: { name: `Alpha edited ${tag}`, code: `${tag}-AlphaEdited`, active: false },
      });
      expect(changed).toEqual({
        id: alpha.id,
        name: `Alpha edited ${tag}`,
        code: `${tag}-AlphaEdited`,
        unitPrice: alpha.unit_price,
        active: false,
        externalSource: null,
      });
      expect(await product(alpha.id)).toMatchObject({ code: `${tag}-AlphaEdited`, active: false });
    });

    it('is FORBIDDEN to an agent who may only view products', async () => {
      const before = await product(alpha.id);
      const res = await graph.query('agent', UPDATE_PRODUCT, {
        id: alpha.id,
        input: { name: 'Not allowed' },
      });
      expectError(res, 'FORBIDDEN', ['updateProduct']);
      expect(await product(alpha.id)).toEqual(before);
    });

    it('refuses a code another product has, naming it', async () => {
      const res = await graph.query('admin', UPDATE_PRODUCT, {
        id: alpha.id,
        input: { code: skip.code },
      });
      expectError(res, 'BAD_USER_INPUT', ['updateProduct']);
      expect(res.errors?.[0].message).toBe(
        `code "${skip.code}" is already used by another product ("${skip.name}")`,
      );
    });

    it('refuses a price with more than 2 decimals or below 0', async () => {
      for (const unitPrice of [1.234, -1]) {
        const res = await graph.query('admin', UPDATE_PRODUCT, {
          id: alpha.id,
          input: { unitPrice },
        });
        expectError(res, 'BAD_USER_INPUT', ['updateProduct']);
      }
    });

    it('refuses a product another service keeps in sync, naming the service', async () => {
      const res = await graph.query('admin', UPDATE_PRODUCT, {
        id: inventory.id,
        input: { unitPrice: 1 },
      });
      expectError(res, 'BAD_USER_INPUT', ['updateProduct']);
      expect(res.errors?.[0].message).toMatch(`kept in sync from ${inventorySource}`);
      expect(await product(inventory.id)).toEqual(inventory);
    });

    it('answers NOT_FOUND for an unknown product', async () => {
      const res = await graph.query('admin', UPDATE_PRODUCT, {
        id: randomUUID(),
        input: { name: 'Nobody' },
      });
      expectError(res, 'NOT_FOUND', ['updateProduct']);
    });
  });
});
