import { notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import type { MutationResolvers } from '../generated/resolvers';
import { booksSyncRuns } from '../jobs/runs';
import {
  chooseOrganization,
  connectBooks,
  disableBooks,
  setProcessRule,
  switchEdition,
} from '../services/connection';
import { emailTransaction } from '../services/documents';
import { recordPayment } from '../services/payments';
import { setBooksPermissions } from '../services/permissions';
import { emailStatement } from '../services/statements';
import { updateContactSync, updateProductSync } from '../services/syncSettings';
import { startBooksSync } from '../services/syncRuns';
import {
  createEstimate,
  createInvoice,
  createSalesOrder,
  updateTransaction,
} from '../services/transactions';

export const Mutation: MutationResolvers = {
  connectBooks: (_, { input }, ctx) => connectBooks(ctx, input),
  chooseBooksOrganization: (_, { organizationId }, ctx) => chooseOrganization(ctx, organizationId),
  switchBooksEdition: (_, { edition }, ctx) => switchEdition(ctx, edition),
  disableBooks: (_, __, ctx) => disableBooks(ctx),
  setBooksProcessRule: (_, { rule }, ctx) => setProcessRule(ctx, rule),

  createBooksEstimate: (_, { input }, ctx) => createEstimate(ctx, input),
  createBooksInvoice: (_, { input }, ctx) => createInvoice(ctx, input),
  createBooksSalesOrder: (_, { input }, ctx) => createSalesOrder(ctx, input),
  updateBooksTransaction: (_, { id, input }, ctx) => updateTransaction(ctx, id, input),
  emailBooksTransaction: (_, { id, input }, ctx) => emailTransaction(ctx, id, input),
  recordBooksPayment: (_, { input }, ctx) => recordPayment(ctx, input),
  emailBooksStatement: (_, { input }, ctx) => emailStatement(ctx, input),

  updateBooksContactSync: (_, { input }, ctx) => updateContactSync(ctx, input),
  updateBooksProductSync: (_, { input }, ctx) => updateProductSync(ctx, input),
  startBooksSync: (_, { dataType }, ctx) => startBooksSync(ctx, dataType),
  stopBooksSyncRun: async (_, { id }, ctx) => {
    const run = isUuid(id) ? await booksSyncRuns.requestStop(ctx.db, id) : null;
    if (!run) throw notFound('BooksSyncRun', id);
    return run;
  },

  setBooksPermissions: (_, { profileId, input }, ctx) => setBooksPermissions(ctx, profileId, input),
};
