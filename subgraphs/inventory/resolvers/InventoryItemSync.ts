import type { InventoryItemSyncResolvers } from '../generated/resolvers';
import { inventorySyncRuns, ITEM_SYNC } from '../jobs/runs';

export const InventoryItemSync: InventoryItemSyncResolvers = {
  mapping: (setting) => ({
    productName: setting.productName,
    productCode: setting.productCode,
    unitPrice: setting.unitPrice,
  }),
  currentRun: async (_, __, ctx) => {
    const [queued, running] = await Promise.all(
      (['QUEUED', 'RUNNING'] as const).map((status) =>
        inventorySyncRuns.page(ctx.db, { kind: ITEM_SYNC, status }, null, 1),
      ),
    );
    return running[0] ?? queued[0] ?? null;
  },
};
