import type { PageArgs } from '../../../shared/pagination';
import type { DeskContext } from '../context';
import type { Contact as ContactRow } from '../entities';

export const Contact = {
  __resolveReference: ({ id }: { id: string }, ctx: DeskContext) => ctx.loaders.contact.load(id),
  name: (contact: ContactRow) => `${contact.firstName} ${contact.lastName}`,
  primaryAccount: async (contact: ContactRow, _: unknown, ctx: DeskContext) => {
    const links = await ctx.loaders.accountLinksByContact.load(contact.id);
    const primary = links.find((link) => link.isPrimary);
    return primary ? ctx.loaders.account.load(primary.accountId) : null;
  },
  accounts: (contact: ContactRow, _: unknown, ctx: DeskContext) =>
    ctx.loaders.accountLinksByContact.load(contact.id),
  tickets: (contact: ContactRow, args: PageArgs, ctx: DeskContext) =>
    ctx.loaders.ticketsByContact.load({ parentId: contact.id, ...args }),
};
