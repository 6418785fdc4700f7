import { SyncRuns } from '../../../shared/jobs/syncRuns';
import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { PROJECTS_SCHEMA } from '../database';
import { clientUserImport, internalUserImport } from './userImport';

/** Projects' sync runs (PRJ-1 user imports), in the projects schema. */
export const projectsSyncRuns = new SyncRuns(PROJECTS_SCHEMA);

/**
 * Projects' background work: the PRJ-1 user imports. The PRJ-3 consumer of desk's crm_task events
 * and the PRJ-6/7 refusal e-mails are the next steps (NOTES.md), and each is registered here when
 * it is written.
 */
export const projectsJobs: SubgraphJobs = {
  runs: projectsSyncRuns,
  syncKinds: [internalUserImport, clientUserImport],
  consumers: [],
};
