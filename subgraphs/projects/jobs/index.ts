import { SyncRuns } from '../../../shared/jobs/syncRuns';
import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { PROJECTS_SCHEMA } from '../database';
import { crmTaskEventsConsumer } from './crmTaskEvents';

/** Projects' sync runs (PRJ-1 user imports), in the projects schema. */
export const projectsSyncRuns = new SyncRuns(PROJECTS_SCHEMA);

/**
 * Projects' background work: desk's CRM task events (PRJ-3) and the e-mails of the updates it
 * refuses (PRJ-6/7). The PRJ-1 import kinds are registered here when they are written.
 */
export const projectsJobs: SubgraphJobs = {
  runs: projectsSyncRuns,
  syncKinds: [],
  consumers: [crmTaskEventsConsumer],
  sendsMail: true,
};
