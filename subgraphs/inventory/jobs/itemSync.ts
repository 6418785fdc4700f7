import type { EntityManager } from 'typeorm';
import type { Config } from '../../../shared/config';
import type { ChunkOutcome, SyncRunRecord } from '../../../shared/jobs/syncRuns';
import type { SyncKind } from '../../../shared/jobs/syncWorker';
import { subgraphClient } from '../../../shared/subgraphClient';
import { Item } from '../entities';
import type { ProductPriceField, ProductTextField } from '../entities/ItemSyncSetting';
import { ITEM_SYNC } from './runs';

/** What a run was started with; later edits of the settings apply to the next run. */
export interface ItemSyncInput {
  organizationId: string;
  departmentIds: string[];
  mapping: {
    productName: ProductTextField;
    productCode: ProductTextField;
    unitPrice: ProductPriceField;
  };
}

interface ProductSyncOutcome {
  externalId: string;
  change: 'ADDED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';
  product: { id: string } | null;
  error: string | null;
}

const SYNC_PRODUCTS = /* GraphQL */ `
  mutation InventoryItemsToProducts($input: SyncProductsInput!) {
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

/** The source name desk keeps synced products under. */
export const PRODUCT_SOURCE = 'inventory';

function text(item: Item, field: ProductTextField): string {
  return field === 'SKU' ? item.sku : item.name;
}

function price(item: Item, field: ProductPriceField): number | null {
  return field === 'PURCHASE_RATE' ? item.purchaseRate : item.rate;
}

/**
 * INV-3: items become desk products through desk's `syncProducts`, as the agent who started the
 * run. Desk upserts by item id, so a chunk that is redone after a crash updates nothing twice.
 * The checkpoint is the last item id done.
 */
export const itemSync: SyncKind = {
  kind: ITEM_SYNC,
  async processChunk(
    manager: EntityManager,
    run: SyncRunRecord,
    batchSize: number,
    config: Config,
  ): Promise<ChunkOutcome> {
    const input = run.input as unknown as ItemSyncInput;
    const after = typeof run.checkpoint === 'string' ? run.checkpoint : null;
    const query = manager
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.organization_id = :organizationId', { organizationId: input.organizationId })
      .orderBy('item.id')
      .take(batchSize);
    if (after) query.andWhere('item.id > :after', { after });
    const items = await query.getMany();
    const failures: ChunkOutcome['failures'] = [];
    const syncable = items.filter((item) => {
      if (price(item, input.mapping.unitPrice) === null) {
        failures.push({ record: `item ${item.sku}`, reason: 'The item has no purchase rate' });
        return false;
      }
      return true;
    });
    const results = syncable.length > 0 ? await sendToDesk(config, run, input, syncable) : [];
    const byId = new Map(syncable.map((item) => [item.id, item]));
    const synced = results.filter((r) => r.change !== 'FAILED' && r.product);
    if (synced.length > 0) {
      await manager.query(
        `INSERT INTO inventory.item_product (item_id, product_id, synced_at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[]), now()
           ON CONFLICT (item_id) DO UPDATE SET product_id = EXCLUDED.product_id, synced_at = now()`,
        [synced.map((r) => r.externalId), synced.map((r) => r.product?.id)],
      );
    }
    for (const result of results) {
      if (result.change === 'FAILED') {
        const sku = byId.get(result.externalId)?.sku ?? result.externalId;
        failures.push({ record: `item ${sku}`, reason: result.error ?? 'desk refused it' });
      }
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
      done: items.length < batchSize,
    };
  },
};

async function sendToDesk(
  config: Config,
  run: SyncRunRecord,
  input: ItemSyncInput,
  items: Item[],
): Promise<ProductSyncOutcome[]> {
  const desk = subgraphClient({
    target: 'desk',
    url: config.subgraphs.desk.url,
    // Desk applies the permissions of the agent who started the sync, never more.
    identity: run.requestedBy
      ? { kind: 'service', service: 'inventory', onBehalfOf: run.requestedBy }
      : { kind: 'service', service: 'inventory' },
    auth: config.auth,
    timeoutMs: config.gateway.subgraphTimeoutMs,
  });
  const { syncProducts } = await desk.request<{ syncProducts: { results: ProductSyncOutcome[] } }>(
    SYNC_PRODUCTS,
    {
      input: {
        source: PRODUCT_SOURCE,
        products: items.map((item) => ({
          externalId: item.id,
          name: text(item, input.mapping.productName),
          code: text(item, input.mapping.productCode),
          unitPrice: price(item, input.mapping.unitPrice),
          active: item.status === 'ACTIVE',
          departmentIds: input.departmentIds,
        })),
      },
    },
  );
  return syncProducts.results;
}
