import type { BillingPaymentApplicationResolvers } from '../generated/resolvers';

export const BillingPaymentApplication: BillingPaymentApplicationResolvers = {
  payment: (application, _, ctx) => ctx.loaders.payment.load(application.paymentId),
  invoice: (application, _, ctx) => ctx.loaders.invoice.load(application.invoiceId),
};
