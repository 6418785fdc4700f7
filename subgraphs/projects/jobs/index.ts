import { SyncRuns } from '../../../shared/jobs/syncRuns';
import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { PROJECTS_SCHEMA } from '../database';
import { crmPushConsumer } from './crmPush';
import { clientUserImport, internalUserImport } from './userImport';

/** Projects' sync runs (PRJ-1 user imports), in the projects schema. */
export const projectsSyncRuns = new SyncRuns(PROJECTS_SCHEMA);

/** Projects' background work: the PRJ-1 user imports and the PRJ-3 pushes of linked tasks to desk. */
export const projectsJobs: SubgraphJobs = {
  runs: projectsSyncRuns,
  syncKinds: [internalUserImport, clientUserImport],
  consumers: [crmPushConsumer],
};
