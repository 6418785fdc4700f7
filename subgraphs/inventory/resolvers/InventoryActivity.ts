import type { InventoryActivityResolvers } from '../generated/resolvers';

export const InventoryActivity: InventoryActivityResolvers = {
  customer: (activity, _, ctx) => ctx.loaders.customer.load(activity.customerId),
  salesOrder: (activity, _, ctx) =>
    activity.salesOrderId ? ctx.loaders.salesOrder.load(activity.salesOrderId) : null,
  invoice: (activity, _, ctx) =>
    activity.invoiceId ? ctx.loaders.invoice.load(activity.invoiceId) : null,
  package: (activity, _, ctx) =>
    activity.packageId ? ctx.loaders.package.load(activity.packageId) : null,
};
