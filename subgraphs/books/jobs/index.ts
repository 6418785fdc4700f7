import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { processRulesConsumer } from './processRules';
import { booksSyncRuns } from './runs';

/** Books' background work: its sync runs, the deal events it consumes, the e-mails it sends. */
export const booksJobs: SubgraphJobs = {
  runs: booksSyncRuns,
  syncKinds: [],
  consumers: [processRulesConsumer],
  sendsMail: true,
};
