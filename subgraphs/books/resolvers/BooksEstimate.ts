import { today } from '../../../shared/integration/documents';
import { orNull } from '../../../shared/lookups';
import { estimateStatusOn } from '../domain/status';
import type { BooksEstimateResolvers } from '../generated/resolvers';
import { inOrganization } from './organization';
import { transactionFields } from './transactionFields';

export const BooksEstimate: BooksEstimateResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.estimate.load(id))),
  ...transactionFields,
  estimateStatus: (estimate) => estimateStatusOn(estimate, today()),
  lineItems: (estimate, _, ctx) => ctx.loaders.lines.load({ kind: 'ESTIMATE', id: estimate.id }),
};
