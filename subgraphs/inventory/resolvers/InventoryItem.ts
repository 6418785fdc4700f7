import type { InventoryItemResolvers } from '../generated/resolvers';

export const InventoryItem: InventoryItemResolvers = {
  deskProductId: async (item, _, ctx) =>
    (await ctx.loaders.productOfItem.load(item.id))[0]?.productId ?? null,
};
