import { inOrganization } from '../../../shared/integration/panels';
import { orNull } from '../../../shared/lookups';
import type { BillingCustomerResolvers } from '../generated/resolvers';

export const BillingCustomer: BillingCustomerResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.customer.load(id))),
  contact: (customer) => (customer.contactId ? { id: customer.contactId } : null),
  unusedCredits: async (customer, _, ctx) =>
    (await ctx.loaders.customerBalances.load(customer.id)).unusedCredits,
  creditBalance: async (customer, _, ctx) =>
    (await ctx.loaders.customerBalances.load(customer.id)).creditBalance,
  outstanding: async (customer, _, ctx) =>
    (await ctx.loaders.customerBalances.load(customer.id)).outstanding,
};
