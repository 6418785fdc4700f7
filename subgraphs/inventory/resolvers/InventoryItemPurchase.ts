import type { InventoryItemPurchaseResolvers } from '../generated/resolvers';

export const InventoryItemPurchase: InventoryItemPurchaseResolvers = {
  item: (purchase, _, ctx) => ctx.loaders.item.load(purchase.itemId),
};
