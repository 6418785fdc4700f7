import { SyncRuns } from '../../../shared/jobs/syncRuns';
import { DESK_SCHEMA } from '../database';

/** The desk's sync runs, in the desk schema. */
export const deskSyncRuns = new SyncRuns(DESK_SCHEMA);

export const ASSOCIATION_IMPORT = 'ASSOCIATION_IMPORT';
