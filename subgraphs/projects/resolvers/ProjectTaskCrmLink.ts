import type { ProjectTaskCrmLinkResolvers } from '../generated/resolvers';

export const ProjectTaskCrmLink: ProjectTaskCrmLinkResolvers = {
  crmTask: (task) => ({ id: task.deskCrmTaskId }),
  account: (task) => (task.crmAccountId ? { id: task.crmAccountId } : null),
  deal: (task) => (task.crmDealId ? { id: task.crmDealId } : null),
  linkedAt: (task) => task.crmLinkedAt,
  syncedAt: (task) => task.crmSyncedAt,
};
