import type { SyncRunRecord } from '../../shared/jobs/syncRuns';
import type { MailRecord } from '../../shared/mail/outbox';
import type { Connection, Edge } from '../../shared/pagination';
import type {
  Activity,
  Invoice,
  InvoiceLine,
  Item,
  Package,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
} from './entities';
import type { ItemPurchase } from './loaders';

/**
 * What inventory's resolvers hand to GraphQL for its non-entity types: codegen maps the schema's
 * types to these (see scripts/codegen.ts).
 */

export type {
  AccountReference,
  ContactReference,
  PanelModel,
  TicketReference,
} from '../../shared/integration/panels';

export type LineItemModel = SalesOrderLine | InvoiceLine;
/** A packed or returned quantity of one sales order line. */
export interface LineQuantityModel {
  salesOrderLineId: string;
  quantity: number;
}

export type ProfilePermissionsModel = ProfilePermission;
export type ItemPurchaseModel = ItemPurchase;
export type EmailModel = MailRecord;

export type ItemConnectionModel = Connection<Item>;
export type ItemEdgeModel = Edge<Item>;
export type ActivityConnectionModel = Connection<Activity>;
export type ActivityEdgeModel = Edge<Activity>;
export type SalesOrderConnectionModel = Connection<SalesOrder>;
export type SalesOrderEdgeModel = Edge<SalesOrder>;
export type InvoiceConnectionModel = Connection<Invoice>;
export type InvoiceEdgeModel = Edge<Invoice>;
export type PackageModel = Package;
export type SyncRunConnectionModel = Connection<SyncRunRecord>;
export type SyncRunEdgeModel = Edge<SyncRunRecord>;
export interface SyncRunStartModel {
  run: SyncRunRecord;
  started: boolean;
}
