import type { EntityManager } from 'typeorm';
import type { Config } from '../../../shared/config';
import type { ChunkOutcome, SyncFailureInput, SyncRunRecord } from '../../../shared/jobs/syncRuns';
import type { SyncKind } from '../../../shared/jobs/syncWorker';
import type { SubgraphClient } from '../../../shared/subgraphClient';
import type { ConflictPolicy, SyncDirection } from '../domain/contactSync';
import {
  deskProductValues,
  itemSyncHash,
  linkedItemHashes,
  suffixedSku,
} from '../domain/productSync';
import { CHANGED_ON_BOTH_SIDES, decideDiffering } from '../domain/syncDecision';
import { Item } from '../entities';
import { deskRefusal, RecordFailed } from './recordFailed';
import { booksSyncRuns, deskFor, PRODUCTS_SYNC } from './runs';

/** What a run was started with; later edits of the settings apply to the next run. */
export interface ProductSyncRunInput {
  organizationId: string;
  direction: SyncDirection;
  conflictPolicy: ConflictPolicy;
}

/** The source name desk keeps books' products under; with the item id, a product's key. */
export const PRODUCT_SOURCE = 'books';

/** Desk's syncProducts takes at most this many products per call. */
const DESK_BATCH_LIMIT = 500;

/**
 * Desk products carry no tax: a new item is untaxed until books sets its rate, as a line with no
 * item is (services/transactions, jobs/processRules). A rate guessed from the organization's other
 * items would put a tax on invoices that nobody chose.
 */
const NEW_ITEM_TAX_RATE = 0;

/**
 * First desk's products, paged by desk's own cursor; then, TWO_WAY only, the organization's items
 * without a desk product, paged by item id. `held` are the items the products phase left unlinked
 * on purpose (SKIP of a SKU match): the items phase must not send them to desk as new products.
 */
type Checkpoint = { phase: 'products' | 'items'; after: string | null; held: string[] };

interface DeskProduct {
  id: string;
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
  /** Null for a product made in desk; `books` for one the items phase made. */
  externalSource: string | null;
  externalId: string | null;
  departments: { id: string }[];
}

/** One product as desk's syncProducts takes it. */
interface ProductSyncInput {
  externalId: string;
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
  departmentIds: string[];
}

interface ProductSyncOutcome {
  externalId: string;
  change: 'ADDED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';
  product: DeskProduct | null;
  error: string | null;
}

type Change = 'ADDED' | 'UPDATED' | 'UNCHANGED';

const PRODUCT_FIELDS = 'id name code unitPrice active externalSource externalId departments { id }';

const SYNC_PRODUCTS = /* GraphQL */ `
  mutation BooksSyncProducts($input: SyncProductsInput!) {
    syncProducts(input: $input) {
      results { externalId change error product { ${PRODUCT_FIELDS} } }
    }
  }
`;

/** Whether books may write to the product: made in desk, or by books itself. */
const writable = (product: DeskProduct) =>
  product.externalSource === null || product.externalSource === PRODUCT_SOURCE;

/**
 * BKS-6: desk products ↔ books items, as the contact sync does it (jobs/contactSync). The shared
 * fields (name, SKU as code, rate as unit price, active) are hashed on both sides and compared
 * with the hash stored when the sides last agreed, which says which side changed; the setting's
 * direction and conflict policy decide what is written. TWO_WAY then gives the items desk has no
 * product for one, through desk's syncProducts keyed by (books, item id). Desk is read and written
 * through its API as the agent who started the run, so that agent's permissions hold.
 *
 * Books' writes are in the chunk's transaction. A redone chunk finds the links it made before (or
 * none, if they were rolled back); desk writes that outlived a failed chunk show as both sides
 * agreeing, which only stores the hash, and syncProducts finds the products it already made.
 */
export const productSync: SyncKind = {
  kind: PRODUCTS_SYNC,
  async processChunk(
    manager: EntityManager,
    run: SyncRunRecord,
    batchSize: number,
    config: Config,
  ): Promise<ChunkOutcome> {
    const input = run.input as unknown as ProductSyncRunInput;
    const checkpoint = (run.checkpoint as Checkpoint | null) ?? {
      phase: 'products',
      after: null,
      held: [],
    };
    const sync = new ProductChunk(manager, deskFor(config, run), input, checkpoint.held);
    if (checkpoint.phase === 'items') {
      return sync.items(checkpoint.after, Math.min(batchSize, DESK_BATCH_LIMIT));
    }
    return sync.products(run, checkpoint.after, Math.min(batchSize, config.pagination.maxPageSize));
  },
};

class ProductChunk {
  private readonly failures: SyncFailureInput[] = [];
  private readonly counts: Record<Change, number> = { ADDED: 0, UPDATED: 0, UNCHANGED: 0 };

  constructor(
    private readonly manager: EntityManager,
    private readonly desk: SubgraphClient,
    private readonly input: ProductSyncRunInput,
    private readonly held: string[],
  ) {}

  async products(run: SyncRunRecord, after: string | null, size: number): Promise<ChunkOutcome> {
    const { products } = await this.desk.request<{
      products: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: DeskProduct[];
      };
    }>(
      `query BooksSyncProducts($first: Int, $after: String) {
        products(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor } nodes { ${PRODUCT_FIELDS} }
        }
      }`,
      { first: size, after },
    );
    for (const product of products.nodes) {
      try {
        this.counts[await this.syncProduct(product)] += 1;
      } catch (error) {
        if (!(error instanceof RecordFailed)) throw error;
        this.failures.push({ record: `product ${product.code}`, reason: error.message });
      }
    }
    const processed = products.nodes.length;
    if (products.pageInfo.hasNextPage) {
      return this.outcome(processed, 'products', products.pageInfo.endCursor ?? after, false);
    }
    const twoWay = this.input.direction === 'TWO_WAY';
    // The total counted at the start guessed both phases; now both are known: what desk had,
    // and the items this phase left without a desk product.
    const items = twoWay ? await this.unlinkedItems(null).getCount() : 0;
    await booksSyncRuns.setTotal(this.manager, run.id, run.processed + processed + items);
    return twoWay
      ? this.outcome(processed, 'items', null, false)
      : this.outcome(processed, 'products', products.pageInfo.endCursor ?? after, true);
  }

  private outcome(
    processed: number,
    phase: Checkpoint['phase'],
    after: string | null,
    done: boolean,
  ): ChunkOutcome {
    const checkpoint: Checkpoint = { phase, after, held: this.held };
    return {
      processed,
      added: this.counts.ADDED,
      updated: this.counts.UPDATED,
      unchanged: this.counts.UNCHANGED,
      failures: this.failures,
      checkpoint,
      done,
    };
  }

  private async syncProduct(product: DeskProduct): Promise<Change> {
    const { organizationId, direction, conflictPolicy } = this.input;
    const deskHash = itemSyncHash(deskProductValues(product));
    const linked = await this.manager
      .getRepository(Item)
      .findOneBy({ organizationId, deskProductId: product.id });
    if (!linked) return this.unlinked(product, deskHash);
    const booksHashes = linkedItemHashes(linked, product.id);
    if (booksHashes.includes(deskHash)) {
      // Agreeing through the SKU's suffix alone: TWO_WAY gives desk the suffix, as applyDesk does
      // (the item was suffixed by a TO_BOOKS run, or desk refused the suffix before).
      if (itemSyncHash(linked) !== deskHash && direction === 'TWO_WAY' && writable(product)) {
        await this.writeBack(product, linked);
        return 'UPDATED';
      }
      // Alike, whatever happened since: only the hash may lag (a desk write whose chunk was lost).
      if (linked.syncedHash !== deskHash) await this.agreed(linked, deskHash);
      return 'UNCHANGED';
    }
    const changed = {
      desk: deskHash !== linked.syncedHash,
      books: !booksHashes.includes(linked.syncedHash ?? ''),
    };
    switch (decideDiffering(changed, direction, conflictPolicy)) {
      case 'TAKE_DESK':
        await this.applyDesk(linked, product);
        return 'UPDATED';
      case 'KEEP_BOOKS':
        return 'UNCHANGED';
      case 'WRITE_TO_DESK':
        await this.writeBack(product, linked);
        return 'UPDATED';
      case 'SKIP':
        throw new RecordFailed(CHANGED_ON_BOTH_SIDES);
      case 'DUPLICATE':
        await this.duplicate(product, linked);
        return 'ADDED';
    }
  }

  /**
   * Keep both: the old item keeps books' values, unlinked, and a new item takes desk's, linked.
   *
   * Except for a product the items phase made from this very item (desk keys it by the item's
   * id): unlinked, the item would be sent again under that key by the items phase and overwrite
   * the product. There the item keeps the link and takes desk's values, and the new item is a copy
   * of books' values, unlinked, which TWO_WAY then sends to desk as a product of its own.
   */
  private async duplicate(product: DeskProduct, linked: Item): Promise<void> {
    const repository = this.manager.getRepository(Item);
    if (product.externalSource === PRODUCT_SOURCE && product.externalId === linked.id) {
      const booksVersion = { ...linked };
      await this.applyDesk(linked, product);
      const copy = repository.create({
        organizationId: linked.organizationId,
        name: booksVersion.name,
        sku: await this.freeSku(booksVersion.sku, product.id, null),
        rate: booksVersion.rate,
        taxRate: booksVersion.taxRate,
        active: booksVersion.active,
        deskProductId: null,
        deskSyncedAt: null,
        syncedHash: null,
      });
      await this.manager.save(copy);
      return;
    }
    // One item per desk product: the old one is unlinked before the new one is linked.
    await repository.update(linked.id, {
      deskProductId: null,
      syncedHash: null,
      deskSyncedAt: null,
    });
    await this.create(product, linked.taxRate);
  }

  /**
   * A desk product without an item. An unlinked item with its code as SKU, whatever the case, is
   * the "duplicate found in books" of BKS-6: linked when it already holds desk's values, else
   * handled by the conflict policy. Otherwise a new item is made.
   */
  private async unlinked(product: DeskProduct, deskHash: string): Promise<Change> {
    const match = await this.manager
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.organization_id = :organizationId', this.input)
      .andWhere('lower(item.sku) = lower(:code)', { code: product.code.trim() })
      .andWhere('item.desk_product_id IS NULL')
      // The exact SKU before one that differs in case only.
      .orderBy('item.sku = :code', 'DESC')
      .addOrderBy('item.id')
      .getOne();
    if (!match) {
      await this.create(product, NEW_ITEM_TAX_RATE);
      return 'ADDED';
    }
    if (linkedItemHashes(match, product.id).includes(deskHash)) {
      match.deskProductId = product.id;
      match.syncedHash = deskHash;
      match.deskSyncedAt = new Date();
      await this.manager.save(match);
      return 'ADDED';
    }
    switch (this.input.conflictPolicy) {
      case 'OVERWRITE':
        await this.applyDesk(match, product);
        return 'ADDED';
      case 'SKIP':
        this.held.push(match.id);
        throw new RecordFailed(
          `books has an item with this SKU (${match.sku}) and other values: left as it is`,
        );
      case 'DUPLICATE':
        // The kept item holds the code, so the new one's SKU is suffixed (freeSku).
        await this.create(product, match.taxRate);
        return 'ADDED';
    }
  }

  private async create(product: DeskProduct, taxRate: number): Promise<void> {
    const item = this.manager.getRepository(Item).create({
      organizationId: this.input.organizationId,
      taxRate,
      deskProductId: null,
      deskSyncedAt: null,
      syncedHash: null,
    });
    await this.applyDesk(item, product);
  }

  /**
   * Desk's values into the item, linked; the sides then agree. When another item has desk's code
   * the item's SKU is suffixed (freeSku), and TWO_WAY sends that SKU to desk at once, so that each
   * code names one product on both sides and the other item can have a desk product of its own.
   */
  private async applyDesk(item: Item, product: DeskProduct): Promise<void> {
    const values = deskProductValues(product);
    item.name = values.name.trim();
    item.sku = await this.freeSku(values.sku, product.id, item.id ?? null);
    item.rate = values.rate;
    item.active = values.active;
    item.deskProductId = product.id;
    item.syncedHash = itemSyncHash(values);
    item.deskSyncedAt = new Date();
    await this.manager.save(item);
    const suffixed = item.sku !== values.sku.trim();
    if (suffixed && this.input.direction === 'TWO_WAY' && writable(product)) {
      await this.writeBack(product, item);
    }
  }

  /**
   * `sku` when no other item of the organization has it (ignoring case, as the SKU match does),
   * else the deterministic suffixedSku of the desk product; a record whose suffixed SKU is taken
   * too fails rather than guess further.
   */
  private async freeSku(
    sku: string,
    deskProductId: string,
    itemId: string | null,
  ): Promise<string> {
    const wanted = sku.trim();
    for (const candidate of [wanted, suffixedSku(wanted, deskProductId)]) {
      const query = this.manager
        .getRepository(Item)
        .createQueryBuilder('item')
        .where('item.organization_id = :organizationId', this.input)
        .andWhere('lower(item.sku) = lower(:candidate)', { candidate });
      if (itemId) query.andWhere('item.id <> :itemId', { itemId });
      if (!(await query.getExists())) return candidate;
    }
    throw new RecordFailed(
      `the SKUs ${wanted} and ${suffixedSku(wanted, deskProductId)} are taken`,
    );
  }

  private async agreed(item: Item, hash: string): Promise<void> {
    await this.manager
      .getRepository(Item)
      .update(item.id, { syncedHash: hash, deskSyncedAt: new Date() });
  }

  /**
   * TWO_WAY, changed in books only: the item's values go to desk, through syncProducts for a
   * product books made (under its key, with the departments it has) and updateProduct for one
   * made in desk. What desk then holds is copied back, so the two agree. A product another
   * service keeps in sync (inventory) takes changes from that service only.
   */
  private async writeBack(product: DeskProduct, item: Item): Promise<void> {
    if (!writable(product)) {
      throw new RecordFailed(
        `desk keeps this product in sync from ${product.externalSource}: books' changes are not written to it`,
      );
    }
    const values = { name: item.name, code: item.sku, unitPrice: item.rate, active: item.active };
    let updated: DeskProduct;
    try {
      if (product.externalSource === PRODUCT_SOURCE) {
        const [result] = await this.sendToDesk([
          {
            externalId: product.externalId as string,
            ...values,
            departmentIds: product.departments.map((department) => department.id),
          },
        ]);
        if (!result.product) throw new RecordFailed(`desk refused the update: ${result.error}`);
        updated = result.product;
      } else {
        const { updateProduct } = await this.desk.request<{ updateProduct: DeskProduct }>(
          `mutation BooksSyncUpdateProduct($id: ID!, $input: UpdateProductInput!) {
            updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} }
          }`,
          { id: product.id, input: values },
        );
        updated = updateProduct;
      }
    } catch (error) {
      if (error instanceof RecordFailed) throw error;
      throw deskRefusal(error, 'the update');
    }
    await this.applyDesk(item, updated);
  }

  private async sendToDesk(products: ProductSyncInput[]): Promise<ProductSyncOutcome[]> {
    const { syncProducts } = await this.desk.request<{
      syncProducts: { results: ProductSyncOutcome[] };
    }>(SYNC_PRODUCTS, { input: { source: PRODUCT_SOURCE, products } });
    return syncProducts.results;
  }

  /** The organization's items with no desk product, but those the products phase held back. */
  private unlinkedItems(after: string | null) {
    const query = this.manager
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.organization_id = :organizationId', this.input)
      .andWhere('item.desk_product_id IS NULL');
    if (this.held.length > 0) query.andWhere('item.id NOT IN (:...held)', { held: this.held });
    if (after) query.andWhere('item.id > :after', { after });
    return query;
  }

  /**
   * TWO_WAY: each item without a desk product becomes one, keyed by (books, item id), with no
   * departments (books has none to offer). Every item linked here counts as ADDED, even when desk
   * reports the product UNCHANGED: that is a redone chunk finding the product it made before.
   */
  async items(after: string | null, size: number): Promise<ChunkOutcome> {
    const items = await this.unlinkedItems(after).orderBy('item.id').take(size).getMany();
    let results: ProductSyncOutcome[] = [];
    if (items.length > 0) {
      try {
        results = await this.sendToDesk(
          items.map((item) => ({
            externalId: item.id,
            name: item.name,
            code: item.sku,
            unitPrice: item.rate,
            active: item.active,
            departmentIds: [],
          })),
        );
      } catch (error) {
        // A refusal of the whole call (a permission) is every item's.
        const { message } = deskRefusal(error, 'the new products');
        for (const item of items) {
          this.failures.push({ record: `item ${item.sku}`, reason: message });
        }
      }
    }
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const result of results) {
      const item = byId.get(result.externalId);
      if (!item) continue;
      if (!result.product) {
        this.failures.push({
          record: `item ${item.sku}`,
          reason: result.error ?? 'desk refused it',
        });
        continue;
      }
      await this.manager.getRepository(Item).update(item.id, {
        deskProductId: result.product.id,
        syncedHash: itemSyncHash(deskProductValues(result.product)),
        deskSyncedAt: new Date(),
      });
      this.counts.ADDED += 1;
    }
    const last = items.length < size;
    return this.outcome(
      items.length,
      'items',
      items.length > 0 ? items[items.length - 1].id : after,
      last,
    );
  }
}
