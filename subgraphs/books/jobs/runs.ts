import { SyncRuns } from '../../../shared/jobs/syncRuns';
import { BOOKS_SCHEMA } from '../database';

/** Books' sync runs (contacts, products), in the books schema. */
export const booksSyncRuns = new SyncRuns(BOOKS_SCHEMA);
