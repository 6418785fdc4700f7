import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { contactSync } from './contactSync';
import { processRulesConsumer } from './processRules';
import { productSync } from './productSync';
import { booksSyncRuns } from './runs';

/** Books' background work: its sync runs, the deal events it consumes, the e-mails it sends. */
export const booksJobs: SubgraphJobs = {
  runs: booksSyncRuns,
  syncKinds: [contactSync, productSync],
  consumers: [processRulesConsumer],
  sendsMail: true,
};
