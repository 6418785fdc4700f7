import type { DeskContext } from '../context';
import type { CrmTask as CrmTaskRow } from '../entities';

export const CrmTask = {
  __resolveReference: ({ id }: { id: string }, ctx: DeskContext) => ctx.loaders.crmTask.load(id),
  owner: (task: CrmTaskRow, _: unknown, ctx: DeskContext) => ctx.loaders.agent.load(task.ownerId),
  account: (task: CrmTaskRow, _: unknown, ctx: DeskContext) =>
    task.accountId ? ctx.loaders.account.load(task.accountId) : null,
  contact: (task: CrmTaskRow, _: unknown, ctx: DeskContext) =>
    task.contactId ? ctx.loaders.contact.load(task.contactId) : null,
  deal: (task: CrmTaskRow, _: unknown, ctx: DeskContext) =>
    task.dealId ? ctx.loaders.deal.load(task.dealId) : null,
  comments: (task: CrmTaskRow, _: unknown, ctx: DeskContext) =>
    ctx.loaders.commentsByTask.load(task.id),
};
