import type { CrmTaskResolvers } from '../generated/resolvers';

export const CrmTask: CrmTaskResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.crmTask.load(id),
  owner: (task, _, ctx) => ctx.loaders.agent.load(task.ownerId),
  account: (task, _, ctx) => (task.accountId ? ctx.loaders.account.load(task.accountId) : null),
  contact: (task, _, ctx) => (task.contactId ? ctx.loaders.contact.load(task.contactId) : null),
  deal: (task, _, ctx) => (task.dealId ? ctx.loaders.deal.load(task.dealId) : null),
  comments: (task, _, ctx) => ctx.loaders.commentsByTask.load(task.id),
  syncNotices: (task, _, ctx) => ctx.loaders.syncNoticesByTask.load(task.id),
};
