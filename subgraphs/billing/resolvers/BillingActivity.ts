import type { BillingActivityResolvers } from '../generated/resolvers';

export const BillingActivity: BillingActivityResolvers = {
  subscription: (activity, _, ctx) => ctx.loaders.subscription.load(activity.subscriptionId),
  customer: (activity, _, ctx) => ctx.loaders.customer.load(activity.customerId),
};
