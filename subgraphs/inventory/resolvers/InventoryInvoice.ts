import type { InventoryInvoiceResolvers } from '../generated/resolvers';
import { orNull } from '../../../shared/lookups';
import { inOrganization } from '../../../shared/integration/panels';

export const InventoryInvoice: InventoryInvoiceResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.invoice.load(id))),
  customer: (invoice, _, ctx) => ctx.loaders.customer.load(invoice.customerId),
  salesOrder: (invoice, _, ctx) =>
    invoice.salesOrderId ? ctx.loaders.salesOrder.load(invoice.salesOrderId) : null,
  lineItems: (invoice, _, ctx) => ctx.loaders.linesByInvoice.load(invoice.id),
  ticket: (invoice) => (invoice.ticketId ? { id: invoice.ticketId } : null),
  emails: (invoice, _, ctx) => ctx.loaders.emailsOfInvoice.load(invoice.id),
};
