import type { DeskContext } from '../context';
import type { CrmTaskComment as CrmTaskCommentRow } from '../entities';

export const CrmTaskComment = {
  author: (comment: CrmTaskCommentRow, _: unknown, ctx: DeskContext) =>
    ctx.loaders.agent.load(comment.authorId),
};
