import { today } from '../../../shared/integration/documents';
import { orNull } from '../../../shared/lookups';
import { invoiceStatusOn } from '../domain/status';
import type { BooksInvoiceResolvers } from '../generated/resolvers';
import { inOrganization } from './organization';
import { transactionFields } from './transactionFields';

export const BooksInvoice: BooksInvoiceResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.invoice.load(id))),
  ...transactionFields,
  invoiceStatus: (invoice) => invoiceStatusOn(invoice, today()),
  lineItems: (invoice, _, ctx) => ctx.loaders.lines.load({ kind: 'INVOICE', id: invoice.id }),
  payments: (invoice, _, ctx) => ctx.loaders.paymentsByInvoice.load(invoice.id),
};
