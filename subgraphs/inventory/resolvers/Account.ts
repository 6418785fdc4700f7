import type { AccountResolvers } from '../generated/resolvers';
import { panelOf } from './panelOf';

export const Account: AccountResolvers = {
  // contactIds comes from desk through @requires: the panel covers every contact of the account.
  inventory: (account, _, ctx) =>
    panelOf(ctx, { contactIds: account.contactIds ?? [], ticketId: null }),
};
