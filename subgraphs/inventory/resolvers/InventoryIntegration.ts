import { Organization } from '../entities';
import type { InventoryIntegrationResolvers } from '../generated/resolvers';

export const InventoryIntegration: InventoryIntegrationResolvers = {
  organization: (integration, _, ctx) =>
    integration.organizationId
      ? ctx.db.getRepository(Organization).findOneBy({ id: integration.organizationId })
      : null,
  viewerPermissions: async (_, __, ctx) => (await ctx.viewer()).levels,
};
