import type { EntityManager } from 'typeorm';
import type { Config } from '../../../shared/config';
import type { ChunkOutcome, SyncRunRecord } from '../../../shared/jobs/syncRuns';
import type { SyncKind } from '../../../shared/jobs/syncWorker';
import { itemSyncHash } from '../domain/productSync';
import { Item } from '../entities';
import { deskFor, PRODUCTS_SYNC } from './runs';

/** What a run was started with. */
export interface ProductSyncRunInput {
  organizationId: string;
}

/** The source name desk keeps books' products under; with the item id, a product's key. */
export const PRODUCT_SOURCE = 'books';

/** Desk's syncProducts takes at most this many products per call. */
const DESK_BATCH_LIMIT = 500;

interface ProductSyncOutcome {
  externalId: string;
  change: 'ADDED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';
  product: { id: string } | null;
  error: string | null;
}

const SYNC_PRODUCTS = /* GraphQL */ `
  mutation BooksItemsToProducts($input: SyncProductsInput!) {
    syncProducts(input: $input) {
      results {
        externalId
        change
        product {
          id
        }
        error
      }
    }
  }
`;

/**
 * BKS-6, one way for now: the organization's items become desk products through desk's
 * `syncProducts`, as the agent who started the run, keyed by (books, item id) so a redone chunk
 * updates nothing twice. Books has no departments to offer, so the products are linked to none.
 * The checkpoint is the last item id done.
 */
export const productSync: SyncKind = {
  kind: PRODUCTS_SYNC,
  async processChunk(
    manager: EntityManager,
    run: SyncRunRecord,
    batchSize: number,
    config: Config,
  ): Promise<ChunkOutcome> {
    const { organizationId } = run.input as unknown as ProductSyncRunInput;
    const after = typeof run.checkpoint === 'string' ? run.checkpoint : null;
    const size = Math.min(batchSize, DESK_BATCH_LIMIT);
    const query = manager
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.organization_id = :organizationId', { organizationId })
      .orderBy('item.id')
      .take(size);
    if (after) query.andWhere('item.id > :after', { after });
    const items = await query.getMany();
    const results = items.length > 0 ? await sendToDesk(config, run, items) : [];
    const byId = new Map(items.map((item) => [item.id, item]));
    const failures: ChunkOutcome['failures'] = [];
    for (const result of results) {
      const item = byId.get(result.externalId);
      if (!item) continue;
      if (result.change === 'FAILED' || !result.product) {
        failures.push({ record: `item ${item.sku}`, reason: result.error ?? 'desk refused it' });
        continue;
      }
      await manager.getRepository(Item).update(item.id, {
        deskProductId: result.product.id,
        syncedHash: itemSyncHash(item),
        deskSyncedAt: new Date(),
      });
    }
    const count = (change: ProductSyncOutcome['change']) =>
      results.filter((r) => r.change === change).length;
    return {
      processed: items.length,
      added: count('ADDED'),
      updated: count('UPDATED'),
      unchanged: count('UNCHANGED'),
      failures,
      checkpoint: items.length > 0 ? items[items.length - 1].id : after,
      done: items.length < size,
    };
  },
};

async function sendToDesk(
  config: Config,
  run: SyncRunRecord,
  items: Item[],
): Promise<ProductSyncOutcome[]> {
  const { syncProducts } = await deskFor(config, run).request<{
    syncProducts: { results: ProductSyncOutcome[] };
  }>(SYNC_PRODUCTS, {
    input: {
      source: PRODUCT_SOURCE,
      products: items.map((item) => ({
        externalId: item.id,
        name: item.name,
        code: item.sku,
        unitPrice: item.rate,
        active: item.active,
        departmentIds: [],
      })),
    },
  });
  return syncProducts.results;
}
