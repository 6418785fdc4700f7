import { loadAll } from '../../../shared/loaders';
import type { AgentResolvers } from '../generated/resolvers';

export const Agent: AgentResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.agent.load(id),
  profile: (agent, _, ctx) => ctx.loaders.profile.load(agent.profileId),
  departments: async (agent, _, ctx) => {
    const links = await ctx.loaders.departmentIdsByAgent.load(agent.id);
    return loadAll(
      ctx.loaders.department,
      links.map((link) => link.departmentId),
    );
  },
};
