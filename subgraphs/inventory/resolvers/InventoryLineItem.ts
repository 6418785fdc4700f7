import type { InventoryLineItemResolvers } from '../generated/resolvers';

export const InventoryLineItem: InventoryLineItemResolvers = {
  item: (line, _, ctx) => ctx.loaders.item.load(line.itemId),
};
