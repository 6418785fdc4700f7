import type { SyncRunRecord } from '../../shared/jobs/syncRuns';
import type { Connection, Edge } from '../../shared/pagination';
import type {
  Account,
  Agent,
  Contact,
  ContactAccount,
  CrmTask,
  Deal,
  Product,
  Ticket,
} from './entities';

/**
 * What desk's resolvers hand to GraphQL for each list type: codegen maps the schema's types to
 * these (see scripts/codegen.ts) so resolvers are checked against the rows they really return.
 */
export type TicketConnectionModel = Connection<Ticket>;
export type TicketEdgeModel = Edge<Ticket>;
export type ContactConnectionModel = Connection<Contact>;
export type ContactEdgeModel = Edge<Contact>;
export type AccountConnectionModel = Connection<Account>;
export type AccountEdgeModel = Edge<Account>;
export type AccountContactConnectionModel = Connection<ContactAccount>;
export type AccountContactEdgeModel = Edge<ContactAccount>;
export type ProductConnectionModel = Connection<Product>;
export type ProductEdgeModel = Edge<Product>;
export type AgentConnectionModel = Connection<Agent>;
export type AgentEdgeModel = Edge<Agent>;
export type DealConnectionModel = Connection<Deal>;
export type DealEdgeModel = Edge<Deal>;
export type CrmTaskConnectionModel = Connection<CrmTask>;
export type CrmTaskEdgeModel = Edge<CrmTask>;
export type DeskSyncRunConnectionModel = Connection<SyncRunRecord>;
export type DeskSyncRunEdgeModel = Edge<SyncRunRecord>;
export interface DeskSyncRunStartModel {
  run: SyncRunRecord;
  started: boolean;
}
