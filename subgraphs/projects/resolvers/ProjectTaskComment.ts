import type { ProjectTaskCommentResolvers } from '../generated/resolvers';

export const ProjectTaskComment: ProjectTaskCommentResolvers = {
  author: (comment, _, ctx) =>
    comment.authorUserId ? ctx.loaders.user.load(comment.authorUserId) : null,
  inCrm: (comment) => comment.deskCommentId !== null,
};
