import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { associationImport } from './associationImport';
import { deskSyncRuns } from './runs';

/** The desk's background work: its sync runs. It consumes no other subgraph's events yet. */
export const deskJobs: SubgraphJobs = {
  runs: deskSyncRuns,
  syncKinds: [associationImport],
  consumers: [],
};
