import type { BillingRefundResolvers } from '../generated/resolvers';

export const BillingRefund: BillingRefundResolvers = {
  creditNote: (refund, _, ctx) => ctx.loaders.creditNote.load(refund.creditNoteId),
};
