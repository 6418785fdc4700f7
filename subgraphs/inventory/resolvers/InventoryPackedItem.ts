import type { InventoryPackedItemResolvers } from '../generated/resolvers';
import { itemOfLine } from './lineQuantity';

export const InventoryPackedItem: InventoryPackedItemResolvers = {
  item: (line, _, ctx) => itemOfLine(line, ctx),
};
