import { DateScalar, DateTime } from '../../../shared/graphql/scalars';
import type { Resolvers } from '../generated/resolvers';
import { Account } from './Account';
import { Contact } from './Contact';
import { InventoryActivity } from './InventoryActivity';
import { InventoryCustomer } from './InventoryCustomer';
import { InventoryEmail } from './InventoryEmail';
import { InventoryIntegration } from './InventoryIntegration';
import { InventoryInvoice } from './InventoryInvoice';
import { InventoryItem } from './InventoryItem';
import { InventoryItemPurchase } from './InventoryItemPurchase';
import { InventoryItemSync } from './InventoryItemSync';
import { InventoryLineItem } from './InventoryLineItem';
import { InventoryOrganization } from './InventoryOrganization';
import { InventoryOverview } from './InventoryOverview';
import { InventoryPackage } from './InventoryPackage';
import { InventoryPackedItem } from './InventoryPackedItem';
import { InventoryPanel } from './InventoryPanel';
import { InventoryProfilePermissions } from './InventoryProfilePermissions';
import { InventoryReturnedItem } from './InventoryReturnedItem';
import { InventorySalesOrder } from './InventorySalesOrder';
import { InventorySalesReturn } from './InventorySalesReturn';
import { InventorySyncRun } from './InventorySyncRun';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Ticket } from './Ticket';

export const inventoryResolvers: Resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Ticket,
  Contact,
  Account,
  InventoryIntegration,
  InventoryOrganization,
  InventoryProfilePermissions,
  InventoryCustomer,
  InventoryItem,
  InventoryItemPurchase,
  InventoryPanel,
  InventoryOverview,
  InventoryActivity,
  InventorySalesOrder,
  InventoryInvoice,
  InventoryLineItem,
  InventorySalesReturn,
  InventoryReturnedItem,
  InventoryPackedItem,
  InventoryPackage,
  InventoryEmail,
  InventoryItemSync,
  InventorySyncRun,
};
