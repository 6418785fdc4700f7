import type { CrmTaskCommentResolvers } from '../generated/resolvers';

export const CrmTaskComment: CrmTaskCommentResolvers = {
  author: (comment, _, ctx) => ctx.loaders.agent.load(comment.authorId),
};
