import type { InventoryPackageResolvers } from '../generated/resolvers';

export const InventoryPackage: InventoryPackageResolvers = {
  salesOrder: (pkg, _, ctx) => ctx.loaders.salesOrder.load(pkg.salesOrderId),
  tracking: (pkg, _, ctx) => ctx.loaders.trackingByPackage.load(pkg.id),
  items: (pkg, _, ctx) => ctx.loaders.linesByPackage.load(pkg.id),
};
