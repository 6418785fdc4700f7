import { inOrganization } from '../../../shared/integration/panels';
import { orNull } from '../../../shared/lookups';
import type { BillingCreditNoteResolvers } from '../generated/resolvers';

export const BillingCreditNote: BillingCreditNoteResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.creditNote.load(id))),
  customer: (note, _, ctx) => ctx.loaders.customer.load(note.customerId),
  balance: (note, _, ctx) => ctx.loaders.creditNoteBalance.load(note.id),
  applications: (note, _, ctx) => ctx.loaders.applicationsByCreditNote.load(note.id),
  refunds: (note, _, ctx) => ctx.loaders.refundsByCreditNote.load(note.id),
};
