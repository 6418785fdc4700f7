import type { InventoryCustomerResolvers } from '../generated/resolvers';
import { orNull } from '../../../shared/lookups';
import { inOrganization } from '../../../shared/integration/panels';

export const InventoryCustomer: InventoryCustomerResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.customer.load(id))),
  contact: (customer) => (customer.contactId ? { id: customer.contactId } : null),
};
