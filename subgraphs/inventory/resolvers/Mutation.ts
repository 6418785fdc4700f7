import type { MutationResolvers } from '../generated/resolvers';
import { createCustomer, updateCustomer } from '../services/customers';
import {
  createInvoice,
  createSalesOrder,
  sendInvoice,
  sendSalesOrder,
  updateInvoice,
  updateSalesOrder,
} from '../services/documents';
import {
  createOrganization,
  deleteInventory,
  disableInventory,
  enableInventory,
} from '../services/integration';
import { startItemSync, stopItemSync, updateItemSync } from '../services/itemSync';
import { advancePackage } from '../services/packages';
import { setInventoryPermissions } from '../services/permissions';

export const Mutation: MutationResolvers = {
  createInventoryOrganization: (_, { input }, ctx) => createOrganization(ctx, input),
  enableInventory: (_, { organizationId }, ctx) => enableInventory(ctx, organizationId),
  disableInventory: (_, __, ctx) => disableInventory(ctx),
  deleteInventory: (_, __, ctx) => deleteInventory(ctx),
  createInventoryCustomer: (_, { input }, ctx) => createCustomer(ctx, input),
  updateInventoryCustomer: (_, { id, input }, ctx) => updateCustomer(ctx, id, input),
  createInventorySalesOrder: (_, { input }, ctx) => createSalesOrder(ctx, input),
  updateInventorySalesOrder: (_, { id, input }, ctx) => updateSalesOrder(ctx, id, input),
  sendInventorySalesOrder: (_, { id }, ctx) => sendSalesOrder(ctx, id),
  createInventoryInvoice: (_, { input }, ctx) => createInvoice(ctx, input),
  updateInventoryInvoice: (_, { id, input }, ctx) => updateInvoice(ctx, id, input),
  sendInventoryInvoice: (_, { id }, ctx) => sendInvoice(ctx, id),
  advanceInventoryPackage: (_, { id, input }, ctx) => advancePackage(ctx, id, input),
  setInventoryPermissions: (_, { profileId, input }, ctx) =>
    setInventoryPermissions(ctx, profileId, input),
  updateInventoryItemSync: (_, { input }, ctx) => updateItemSync(ctx, input),
  startInventoryItemSync: (_, __, ctx) => startItemSync(ctx),
  stopInventorySyncRun: (_, { id }, ctx) => stopItemSync(ctx, id),
};
