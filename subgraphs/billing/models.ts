import type { Connection, Edge } from '../../shared/pagination';
import type {
  CreditApplication,
  CreditNote,
  Invoice,
  PaymentApplication,
  Plan,
  Subscription,
  SubscriptionActivity,
  Transaction,
} from './entities';

/**
 * What billing's resolvers hand to GraphQL for its non-entity types: codegen maps the schema's
 * types to these (see scripts/codegen.ts).
 */

export type {
  AccountReference,
  ContactReference,
  PanelModel,
  TicketReference,
} from '../../shared/integration/panels';

export type PaymentApplicationModel = PaymentApplication;
export type CreditApplicationModel = CreditApplication;

export type PlanConnectionModel = Connection<Plan>;
export type PlanEdgeModel = Edge<Plan>;
export type SubscriptionConnectionModel = Connection<Subscription>;
export type SubscriptionEdgeModel = Edge<Subscription>;
export type ActivityConnectionModel = Connection<SubscriptionActivity>;
export type ActivityEdgeModel = Edge<SubscriptionActivity>;
export type InvoiceConnectionModel = Connection<Invoice>;
export type InvoiceEdgeModel = Edge<Invoice>;
export type CreditNoteConnectionModel = Connection<CreditNote>;
export type CreditNoteEdgeModel = Edge<CreditNote>;
export type TransactionConnectionModel = Connection<Transaction>;
export type TransactionEdgeModel = Edge<Transaction>;
