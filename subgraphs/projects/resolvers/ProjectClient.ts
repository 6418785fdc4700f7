import type { ProjectClientResolvers } from '../generated/resolvers';

export const ProjectClient: ProjectClientResolvers = {
  account: (client) => (client.deskAccountId ? { id: client.deskAccountId } : null),
  users: (client, _, ctx) => ctx.loaders.clientUsers.load(client.id),
};
