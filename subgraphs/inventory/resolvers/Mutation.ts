import type { MutationResolvers } from '../generated/resolvers';
import { inventoryCustomers } from '../services/customers';
import {
  createInvoice,
  createSalesOrder,
  sendInvoice,
  sendSalesOrder,
  updateInvoice,
  updateSalesOrder,
} from '../services/documents';
import { inventoryState } from '../services/integration';
import { startItemSync, stopItemSync, updateItemSync } from '../services/itemSync';
import { advancePackage } from '../services/packages';
import { setInventoryPermissions } from '../services/permissions';

export const Mutation: MutationResolvers = {
  createInventoryOrganization: (_, { input }, ctx) => inventoryState.createOrganization(ctx, input),
  enableInventory: (_, { organizationId }, ctx) => inventoryState.enable(ctx, organizationId),
  disableInventory: (_, __, ctx) => inventoryState.disable(ctx),
  deleteInventory: (_, __, ctx) => inventoryState.delete(ctx),
  createInventoryCustomer: (_, { input }, ctx) => inventoryCustomers.create(ctx, input),
  updateInventoryCustomer: (_, { id, input }, ctx) => inventoryCustomers.update(ctx, id, input),
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
