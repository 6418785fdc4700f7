import type { SyncRunRecord } from '../../shared/jobs/syncRuns';
import type { Connection, Edge } from '../../shared/pagination';
import type { Estimate, Invoice, Item, SalesOrder } from './entities';

/**
 * What books' resolvers hand to GraphQL for its non-entity types: codegen maps the schema's types
 * to these (see scripts/codegen.ts).
 */

/** Desk's entities as books receives them: their keys. */
export interface AccountReference {
  id: string;
}
export interface ContactReference {
  id: string;
}
export interface DealReference {
  id: string;
}

/**
 * A panel is about one desk record: an account's or contact's books contact (BKS-10), or a deal's
 * transactions, which may belong to several books contacts.
 */
export interface PanelModel {
  owner: 'ACCOUNT' | 'CONTACT' | 'DEAL';
  id: string;
}

export interface ReceivablesModel {
  outstanding: number;
  unusedCredits: number;
  currency: string;
}

/** An estimate, invoice or sales order: what BooksTransaction resolves to. */
export type BooksDocumentRow = Estimate | Invoice | SalesOrder;

export type TransactionConnectionModel = Connection<BooksDocumentRow>;
export type TransactionEdgeModel = Edge<BooksDocumentRow>;
export type ItemConnectionModel = Connection<Item>;
export type ItemEdgeModel = Edge<Item>;
export type SyncRunConnectionModel = Connection<SyncRunRecord>;
export type SyncRunEdgeModel = Edge<SyncRunRecord>;

export interface SyncRunStartModel {
  run: SyncRunRecord;
  started: boolean;
}

/** A transaction e-mail (BKS-11) as the list shows it. */
export interface EmailModel {
  to: string;
  subject: string;
  status: 'QUEUED' | 'SENT' | 'FAILED';
  attachment: string;
  queuedAt: Date;
  sentAt: Date | null;
}
