import { inOrganization } from '../../../shared/integration/panels';
import { orNull } from '../../../shared/lookups';
import type { BillingInvoiceResolvers } from '../generated/resolvers';

export const BillingInvoice: BillingInvoiceResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.invoice.load(id))),
  customer: (invoice, _, ctx) => ctx.loaders.customer.load(invoice.customerId),
  subscription: (invoice, _, ctx) =>
    invoice.subscriptionId ? ctx.loaders.subscription.load(invoice.subscriptionId) : null,
  lineItems: (invoice, _, ctx) => ctx.loaders.linesByInvoice.load(invoice.id),
  amountPaid: async (invoice, _, ctx) =>
    (await ctx.loaders.invoiceSettlement.load(invoice.id)).amountPaid,
  balanceDue: async (invoice, _, ctx) =>
    (await ctx.loaders.invoiceSettlement.load(invoice.id)).balanceDue,
  ticket: (invoice) => (invoice.ticketId ? { id: invoice.ticketId } : null),
  payments: (invoice, _, ctx) => ctx.loaders.paymentsByInvoice.load(invoice.id),
  credits: (invoice, _, ctx) => ctx.loaders.creditsByInvoice.load(invoice.id),
};
