import type * as Operations from './generated/operations';

/**
 * Names for the parts of the operations' answers the components pass around, all taken from the
 * types `npm run codegen` generates from operations/ and the supergraph: an operation that asks
 * for something else changes them, and the type check shows every component it breaks.
 */

export type {
  ConsoleViewerQuery,
  InventoryAccessQuery,
  InventoryDocumentAccess,
  PermissionModule,
  SyncRunStatus,
  TicketStatus,
} from './generated/operations';

export type Ticket = NonNullable<Operations.TicketDetailQuery['ticket']>;
export type TicketAccount = NonNullable<Ticket['account']>;
export type ContactSummary = Operations.SearchContactsQuery['contacts']['nodes'][number];

export type InventoryPanel = NonNullable<
  NonNullable<Operations.InventoryOfTicketQuery['ticket']>['inventory']
>;
export type InventoryAddress = NonNullable<InventoryPanel['customers'][number]['billingAddress']>;
export type InventoryInvoice = InventoryPanel['invoices']['nodes'][number];

/** The same two filters in inventory and billing (INV-6, BIL-6). */
export type Scope = Operations.InventoryScope & Operations.BillingScope;

export type BillingOverview = NonNullable<
  Operations.NewTicketFormQuery['newTicketForm']['contacts'][number]['billing']
>['overview'];
