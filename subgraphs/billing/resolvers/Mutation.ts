import type { MutationResolvers } from '../generated/resolvers';
import { billingCustomers } from '../services/customers';
import { billingState } from '../services/integration';
import { createInvoice } from '../services/invoices';
import { setBillingPermissions } from '../services/permissions';

export const Mutation: MutationResolvers = {
  createBillingOrganization: (_, { input }, ctx) => billingState.createOrganization(ctx, input),
  enableBilling: (_, { organizationId }, ctx) => billingState.enable(ctx, organizationId),
  disableBilling: (_, __, ctx) => billingState.disable(ctx),
  deleteBilling: (_, __, ctx) => billingState.delete(ctx),
  createBillingCustomer: (_, { input }, ctx) => billingCustomers.create(ctx, input),
  updateBillingCustomer: (_, { id, input }, ctx) => billingCustomers.update(ctx, id, input),
  createBillingInvoice: (_, { input }, ctx) => createInvoice(ctx, input),
  setBillingPermissions: (_, { profileId, input }, ctx) =>
    setBillingPermissions(ctx, profileId, input),
};
