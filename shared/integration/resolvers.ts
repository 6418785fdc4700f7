import type { IntegrationContext, Levels } from './context';
import { type Integration, Organization } from './entities';

/** Field resolvers of the `…Integration` and `…Organization` types every integration has. */
export const integrationResolvers = {
  organization: (integration: Integration, _: unknown, ctx: IntegrationContext<Levels>) =>
    integration.organizationId
      ? ctx.db.getRepository(Organization).findOneBy({ id: integration.organizationId })
      : null,
  viewerPermissions: async <L extends Levels>(
    _: Integration,
    __: unknown,
    ctx: IntegrationContext<L>,
  ): Promise<L> => (await ctx.viewer()).levels,
};

export const organizationResolvers = {
  administrators: async (
    organization: Organization,
    _: unknown,
    ctx: IntegrationContext<Levels>,
  ): Promise<string[]> =>
    (await ctx.loaders.administratorsByOrganization.load(organization.id)).map(
      (admin) => admin.email,
    ),
};
