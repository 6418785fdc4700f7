import { SyncRuns } from '../../../shared/jobs/syncRuns';
import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { PROJECTS_SCHEMA } from '../database';
import { crmPushConsumer } from './crmPush';
import { crmTaskEventsConsumer } from './crmTaskEvents';
import { clientUserImport, internalUserImport } from './userImport';

/** Projects' sync runs (PRJ-1 user imports), in the projects schema. */
export const projectsSyncRuns = new SyncRuns(PROJECTS_SCHEMA);

/**
 * Projects' background work: the PRJ-1 user imports, PRJ-3 both ways (desk's CRM task events in,
 * linked tasks' changes and comments out) and the e-mails of the desk updates it refuses
 * (PRJ-6/7).
 */
export const projectsJobs: SubgraphJobs = {
  runs: projectsSyncRuns,
  syncKinds: [internalUserImport, clientUserImport],
  consumers: [crmTaskEventsConsumer, crmPushConsumer],
  sendsMail: true,
};
