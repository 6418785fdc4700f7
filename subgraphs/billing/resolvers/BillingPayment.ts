import type { BillingPaymentResolvers } from '../generated/resolvers';

export const BillingPayment: BillingPaymentResolvers = {
  unusedAmount: (payment, _, ctx) => ctx.loaders.paymentUnused.load(payment.id),
  customer: (payment, _, ctx) => ctx.loaders.customer.load(payment.customerId),
  applications: (payment, _, ctx) => ctx.loaders.applicationsByPayment.load(payment.id),
};
