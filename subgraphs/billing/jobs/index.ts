import { SyncRuns } from '../../../shared/jobs/syncRuns';
import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { BILLING_SCHEMA } from '../database';
import { lifecycleSweep } from './lifecycleSweep';

/**
 * Billing has no sync kinds, consumers or mail yet; it keeps the job tables every subgraph has so
 * that the shared workers (retention) run on it unchanged. Its one schedule moves subscriptions
 * and invoices on as their dates pass.
 */
export const billingJobs: SubgraphJobs = {
  runs: new SyncRuns(BILLING_SCHEMA),
  syncKinds: [],
  consumers: [],
  schedules: [lifecycleSweep],
};
