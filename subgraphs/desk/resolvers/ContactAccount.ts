import type { DeskContext } from '../context';
import type { ContactAccount as ContactAccountRow } from '../entities';

export const ContactAccount = {
  account: (link: ContactAccountRow, _: unknown, ctx: DeskContext) =>
    ctx.loaders.account.load(link.accountId),
  contact: (link: ContactAccountRow, _: unknown, ctx: DeskContext) =>
    ctx.loaders.contact.load(link.contactId),
  since: (link: ContactAccountRow) => link.createdAt,
};
