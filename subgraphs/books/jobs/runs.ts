import type { Config } from '../../../shared/config';
import { type SyncRunRecord, SyncRuns } from '../../../shared/jobs/syncRuns';
import { type SubgraphClient, subgraphClient } from '../../../shared/subgraphClient';
import { BOOKS_SCHEMA } from '../database';

/** Books' sync runs (contacts, products), in the books schema. */
export const booksSyncRuns = new SyncRuns(BOOKS_SCHEMA);

/** A run's kind is its GraphQL data type as is: booksSyncRuns(dataType) filters on it. */
export const CONTACTS_SYNC = 'CONTACTS';
export const PRODUCTS_SYNC = 'PRODUCTS';

/** Desk's API as the agent who started the run: desk applies that agent's permissions, no more. */
export function deskFor(config: Config, run: SyncRunRecord): SubgraphClient {
  return subgraphClient({
    target: 'desk',
    url: config.subgraphs.desk.url,
    identity: run.requestedBy
      ? { kind: 'service', service: 'books', onBehalfOf: run.requestedBy }
      : { kind: 'service', service: 'books' },
    auth: config.auth,
    timeoutMs: config.gateway.subgraphTimeoutMs,
  });
}
