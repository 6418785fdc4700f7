import type { BillingCreditApplicationResolvers } from '../generated/resolvers';

export const BillingCreditApplication: BillingCreditApplicationResolvers = {
  creditNote: (application, _, ctx) => ctx.loaders.creditNote.load(application.creditNoteId),
  invoice: (application, _, ctx) => ctx.loaders.invoice.load(application.invoiceId),
};
