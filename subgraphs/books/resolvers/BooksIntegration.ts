import type { BooksIntegrationResolvers } from '../generated/resolvers';

export const BooksIntegration: BooksIntegrationResolvers = {
  organization: (connection, _, ctx) =>
    connection.organizationId ? ctx.loaders.organization.load(connection.organizationId) : null,
  viewerPermissions: async (_, __, ctx) => (await ctx.viewer()).levels,
};
