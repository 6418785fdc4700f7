import type { ProjectMemberResolvers } from '../generated/resolvers';

export const ProjectMember: ProjectMemberResolvers = {
  user: (member, _, ctx) => ctx.loaders.user.load(member.userId),
};
