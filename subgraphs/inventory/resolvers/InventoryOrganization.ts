import type { InventoryOrganizationResolvers } from '../generated/resolvers';

export const InventoryOrganization: InventoryOrganizationResolvers = {
  administrators: async (organization, _, ctx) =>
    (await ctx.loaders.administratorsByOrganization.load(organization.id)).map(
      (admin) => admin.email,
    ),
};
