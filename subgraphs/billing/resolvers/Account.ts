import { panelResolvers } from '../../../shared/integration/panels';
import type { AccountResolvers } from '../generated/resolvers';

export const Account: AccountResolvers = {
  billing: (account, _, ctx) => panelResolvers.account(account, ctx),
};
