import { inOrganization } from '../../../shared/integration/panels';
import { orNull } from '../../../shared/lookups';
import type { BillingSubscriptionResolvers } from '../generated/resolvers';

export const BillingSubscription: BillingSubscriptionResolvers = {
  __resolveReference: ({ id }, ctx) =>
    inOrganization(ctx, orNull(ctx.loaders.subscription.load(id))),
  customer: (subscription, _, ctx) => ctx.loaders.customer.load(subscription.customerId),
  plan: (subscription, _, ctx) => ctx.loaders.plan.load(subscription.planId),
  invoices: (subscription, _, ctx) => ctx.loaders.invoicesBySubscription.load(subscription.id),
  activity: (subscription, _, ctx) => ctx.loaders.activityBySubscription.load(subscription.id),
};
