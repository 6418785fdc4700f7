import type { AccountResolvers } from '../generated/resolvers';
import { panelOf } from './panels';

export const Account: AccountResolvers = {
  books: (account, _, ctx) => panelOf(ctx, { owner: 'ACCOUNT', id: account.id }),
};
