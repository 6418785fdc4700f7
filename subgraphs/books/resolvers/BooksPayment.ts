import type { BooksPaymentResolvers } from '../generated/resolvers';

export const BooksPayment: BooksPaymentResolvers = {
  invoice: (payment, _, ctx) => ctx.loaders.invoice.load(payment.invoiceId),
};
