import type { InventorySalesReturnResolvers } from '../generated/resolvers';

export const InventorySalesReturn: InventorySalesReturnResolvers = {
  lineItems: (salesReturn, _, ctx) => ctx.loaders.linesByReturn.load(salesReturn.id),
};
