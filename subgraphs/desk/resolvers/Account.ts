import type { PageArgs } from '../../../shared/pagination';
import type { DeskContext } from '../context';
import type { Account as AccountRow } from '../entities';

export const Account = {
  __resolveReference: ({ id }: { id: string }, ctx: DeskContext) => ctx.loaders.account.load(id),
  contacts: (account: AccountRow, args: PageArgs, ctx: DeskContext) =>
    ctx.loaders.contactLinksByAccount.load({ parentId: account.id, ...args }),
  tickets: (account: AccountRow, args: PageArgs, ctx: DeskContext) =>
    ctx.loaders.ticketsByAccount.load({ parentId: account.id, ...args }),
  deals: (account: AccountRow, args: PageArgs, ctx: DeskContext) =>
    ctx.loaders.dealsByAccount.load({ parentId: account.id, ...args }),
};
