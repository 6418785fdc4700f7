import type { ProjectsIntegrationResolvers } from '../generated/resolvers';

export const ProjectsIntegration: ProjectsIntegrationResolvers = {
  viewerPermissions: async (_, __, ctx) => (await ctx.viewer()).levels,
};
