import { OrganizationAdmin } from '../entities';
import type { InventoryOrganizationResolvers } from '../generated/resolvers';

export const InventoryOrganization: InventoryOrganizationResolvers = {
  administrators: async (organization, _, ctx) =>
    (
      await ctx.db
        .getRepository(OrganizationAdmin)
        .find({ where: { organizationId: organization.id }, order: { email: 'ASC' } })
    ).map((admin) => admin.email),
};
