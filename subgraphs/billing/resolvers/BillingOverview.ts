import { customersOf } from '../../../shared/integration/panels';
import { loadAll } from '../../../shared/loaders';
import type { BillingContext } from '../context';
import type { BillingOverviewResolvers } from '../generated/resolvers';
import type { CustomerBalances } from '../balances';
import type { PanelModel } from '../models';

/** BIL-6's figures are the sums over the panel's customers (one, or an account's many). */
async function total(
  ctx: BillingContext,
  panel: PanelModel,
  figure: keyof CustomerBalances,
): Promise<number> {
  const customers = await customersOf(ctx, panel);
  const balances = await loadAll(
    ctx.loaders.customerBalances,
    customers.map((customer) => customer.id),
  );
  return Math.round(balances.reduce((sum, balance) => sum + balance[figure], 0) * 100) / 100;
}

export const BillingOverview: BillingOverviewResolvers = {
  unusedCredits: (panel, _, ctx) => total(ctx, panel, 'unusedCredits'),
  creditBalance: (panel, _, ctx) => total(ctx, panel, 'creditBalance'),
  outstanding: (panel, _, ctx) => total(ctx, panel, 'outstanding'),
  currency: async (_, __, ctx) => {
    const { organizationId } = await ctx.integration();
    // A panel exists only while the integration is enabled, which needs an organization.
    return (await ctx.loaders.organization.load(organizationId as string)).currency;
  },
  customers: (panel, _, ctx) => customersOf(ctx, panel),
};
