import { allow, and, rule } from 'graphql-shield';
import { forbidden } from '../../shared/errors';
import { integrationRules } from '../../shared/integration/rules';
import { createPermissions } from '../../shared/shield';
import type { InventoryContext } from './context';
import { allows, DocumentAction, DocumentModule } from './permissionLevels';

// Every rule here depends on the caller and the integration alone: one evaluation per request.
const contextual = { cache: 'contextual' } as const;

const { isAgent, isAdministrator, view, visible } = integrationRules('inventory');

const NOUNS: Record<DocumentModule, string> = { salesOrders: 'sales orders', invoices: 'invoices' };

function may(module: DocumentModule, action: DocumentAction) {
  return rule(
    `inventory-${module}-${action}`,
    contextual,
  )(
    async (_parent, _args, ctx: InventoryContext) =>
      allows((await ctx.viewer()).levels, module, action) ||
      forbidden(`Your profile may not ${action} ${NOUNS[module]} in inventory`),
  );
}

const salesOrders = {
  view: may('salesOrders', 'view'),
  send: may('salesOrders', 'send'),
  create: may('salesOrders', 'create'),
  edit: may('salesOrders', 'edit'),
};
const invoices = {
  view: may('invoices', 'view'),
  send: may('invoices', 'send'),
  create: may('invoices', 'create'),
  edit: may('invoices', 'edit'),
};

const createContacts = rule(
  'inventory-create-contacts',
  contextual,
)(async (_parent, _args, ctx: InventoryContext) => {
  const { levels } = await ctx.viewer();
  return (
    (levels.view && levels.createContacts) ||
    forbidden('Your profile may not create customers in inventory')
  );
});

export const inventoryPermissions = createPermissions({
  Query: {
    inventoryIntegration: isAgent,
    inventoryOrganizations: isAdministrator,
    inventoryItems: visible,
    inventoryCustomer: visible,
    inventorySalesOrder: and(visible, salesOrders.view),
    inventoryInvoice: and(visible, invoices.view),
    inventoryPackage: and(visible, salesOrders.view),
    inventoryItemSync: isAdministrator,
    inventorySyncRun: isAdministrator,
    inventorySyncRuns: isAdministrator,
    inventoryPermissions: isAdministrator,
  },
  Mutation: {
    createInventoryOrganization: isAdministrator,
    enableInventory: isAdministrator,
    disableInventory: isAdministrator,
    deleteInventory: isAdministrator,
    createInventoryCustomer: createContacts,
    updateInventoryCustomer: createContacts,
    createInventorySalesOrder: salesOrders.create,
    updateInventorySalesOrder: salesOrders.edit,
    sendInventorySalesOrder: salesOrders.send,
    createInventoryInvoice: invoices.create,
    updateInventoryInvoice: invoices.edit,
    sendInventoryInvoice: invoices.send,
    advanceInventoryPackage: salesOrders.edit,
    setInventoryPermissions: isAdministrator,
    updateInventoryItemSync: isAdministrator,
    startInventoryItemSync: isAdministrator,
    stopInventorySyncRun: isAdministrator,
  },
  // Desk's entities: their keys travel freely, the panel is what needs inventory's permission.
  Ticket: { id: allow, contact: allow, inventory: view },
  Contact: { id: allow, inventory: view },
  Account: { id: allow, contactIds: allow, inventory: view },
  AgentProfile: allow,
  InventoryIntegration: { '*': isAgent, organization: isAdministrator },
  InventoryOrganization: isAdministrator,
  InventoryPermissionLevels: allow,
  InventoryProfilePermissions: isAdministrator,
  // Entity types are guarded on their own fields: `_entities` reaches them without any Query rule.
  InventoryPanel: {
    customers: visible,
    overview: visible,
    activity: visible,
    salesOrders: and(visible, salesOrders.view),
    invoices: and(visible, invoices.view),
  },
  InventoryOverview: {
    recentShipments: and(visible, salesOrders.view),
    itemsBought: and(visible, salesOrders.view),
  },
  InventoryCustomer: visible,
  InventoryAddress: allow,
  InventoryItem: visible,
  InventoryItemPurchase: allow,
  InventoryActivity: visible,
  InventorySalesOrder: and(visible, salesOrders.view),
  InventorySalesReturn: and(visible, salesOrders.view),
  InventoryReturnedItem: allow,
  InventoryPackage: and(visible, salesOrders.view),
  InventoryTrackingEvent: allow,
  InventoryPackedItem: allow,
  InventoryInvoice: and(visible, invoices.view),
  InventoryLineItem: allow,
  InventoryEmail: allow,
  InventoryItemSync: isAdministrator,
  InventoryItemSyncMapping: allow,
  InventorySyncRun: isAdministrator,
  InventorySyncRunStart: allow,
  // Containers only: whatever they hold is guarded by its own type's rule.
  PageInfo: allow,
  InventoryItemConnection: allow,
  InventoryItemEdge: allow,
  InventoryActivityConnection: allow,
  InventoryActivityEdge: allow,
  InventorySalesOrderConnection: allow,
  InventorySalesOrderEdge: allow,
  InventoryInvoiceConnection: allow,
  InventoryInvoiceEdge: allow,
  InventorySyncRunConnection: allow,
  InventorySyncRunEdge: allow,
  SyncProgress: allow,
  SyncCounts: allow,
  SyncFailure: allow,
  SyncFailureConnection: allow,
  SyncFailureEdge: allow,
});
