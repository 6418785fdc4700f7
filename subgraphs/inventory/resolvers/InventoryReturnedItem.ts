import type { InventoryReturnedItemResolvers } from '../generated/resolvers';
import { itemOfLine } from './lineQuantity';

export const InventoryReturnedItem: InventoryReturnedItemResolvers = {
  item: (line, _, ctx) => itemOfLine(line, ctx),
};
