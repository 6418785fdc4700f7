import type { BooksContext } from '../context';
import { AREA_OF_KIND } from '../domain/permissions';
import { kindsOf, type TransactionKind } from '../domain/status';
import type { BooksPanelResolvers } from '../generated/resolvers';
import type { PanelModel } from '../models';

/** The books contact an account's or contact's panel is about; a deal's has none. */
function contactOf(ctx: BooksContext, panel: PanelModel) {
  if (panel.owner === 'ACCOUNT') return ctx.loaders.contactByAccount.load(panel.id);
  if (panel.owner === 'CONTACT') return ctx.loaders.contactByDeskContact.load(panel.id);
  return Promise.resolve(null);
}

/** BKS-7/8: the kinds the edition has and the viewer's profile may see. */
async function visibleKinds(ctx: BooksContext): Promise<TransactionKind[]> {
  const [{ levels }, { edition }] = await Promise.all([ctx.viewer(), ctx.connection()]);
  return kindsOf(edition ?? 'INVOICE').filter((kind) => levels[AREA_OF_KIND[kind]].view);
}

export const BooksPanel: BooksPanelResolvers = {
  contact: (panel, _, ctx) => contactOf(ctx, panel),

  transactions: async (panel, { first, after, kind }, ctx) => {
    const visible = await visibleKinds(ctx);
    const kinds = kind ? visible.filter((each) => each === kind) : visible;
    const page = { first, after, anyOf: { kind: kinds } };
    if (panel.owner === 'DEAL') {
      // A deal's transactions may be any contact's: the organization is what narrows them.
      const { organizationId } = await ctx.connection();
      return ctx.loaders.transactionPagesByDeal.load({
        ...page,
        ownerIds: [panel.id],
        equals: { organization_id: organizationId },
      });
    }
    const contact = await contactOf(ctx, panel);
    return ctx.loaders.transactionPagesByContact.load({
      ...page,
      ownerIds: contact ? [contact.id] : [],
    });
  },

  receivables: async (panel, _, ctx) => {
    const contact = await contactOf(ctx, panel);
    if (!contact) return null;
    return {
      outstanding: await ctx.loaders.outstandingByContact.load(contact.id),
      unusedCredits: contact.unusedCredits,
      currency: contact.currency,
    };
  },
};
