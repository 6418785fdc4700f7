import type { ProjectUserResolvers } from '../generated/resolvers';

export const ProjectUser: ProjectUserResolvers = {
  agent: (user) => (user.deskAgentId ? { id: user.deskAgentId } : null),
  contact: (user) => (user.deskContactId ? { id: user.deskContactId } : null),
  client: (user, _, ctx) => (user.clientId ? ctx.loaders.client.load(user.clientId) : null),
};
