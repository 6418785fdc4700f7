import type { DeskContext } from '../context';
import type { Agent as AgentRow } from '../entities';

export const Agent = {
  __resolveReference: ({ id }: { id: string }, ctx: DeskContext) => ctx.loaders.agent.load(id),
  profile: (agent: AgentRow, _: unknown, ctx: DeskContext) =>
    ctx.loaders.profile.load(agent.profileId),
  departments: async (agent: AgentRow, _: unknown, ctx: DeskContext) => {
    const links = await ctx.loaders.departmentIdsByAgent.load(agent.id);
    return ctx.loaders.department.loadMany(links.map((link) => link.departmentId));
  },
};
