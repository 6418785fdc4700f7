import type { BillingTransactionResolvers } from '../generated/resolvers';

/** A transaction row names the one document it is; the others stay null. */
export const BillingTransaction: BillingTransactionResolvers = {
  customer: (row, _, ctx) => ctx.loaders.customer.load(row.customerId),
  invoice: (row, _, ctx) => (row.invoiceId ? ctx.loaders.invoice.load(row.invoiceId) : null),
  payment: (row, _, ctx) => (row.paymentId ? ctx.loaders.payment.load(row.paymentId) : null),
  creditNote: (row, _, ctx) =>
    row.creditNoteId ? ctx.loaders.creditNote.load(row.creditNoteId) : null,
  refund: (row, _, ctx) => (row.refundId ? ctx.loaders.refund.load(row.refundId) : null),
};
