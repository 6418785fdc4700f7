import type { InventorySalesOrderResolvers } from '../generated/resolvers';
import { orNull } from '../../../shared/lookups';
import { inOrganization } from '../../../shared/integration/panels';

export const InventorySalesOrder: InventorySalesOrderResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.salesOrder.load(id))),
  customer: (order, _, ctx) => ctx.loaders.customer.load(order.customerId),
  lineItems: (order, _, ctx) => ctx.loaders.linesBySalesOrder.load(order.id),
  ticket: (order) => (order.ticketId ? { id: order.ticketId } : null),
  packages: (order, _, ctx) => ctx.loaders.packagesBySalesOrder.load(order.id),
  returns: (order, _, ctx) => ctx.loaders.returnsBySalesOrder.load(order.id),
  invoices: (order, _, ctx) => ctx.loaders.invoicesBySalesOrder.load(order.id),
  emails: (order, _, ctx) => ctx.loaders.emailsOfSalesOrder.load(order.id),
};
