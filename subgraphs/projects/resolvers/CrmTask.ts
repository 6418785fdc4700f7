import type { CrmTaskResolvers } from '../generated/resolvers';

export const CrmTask: CrmTaskResolvers = {
  projectTask: (crmTask, _, ctx) => ctx.loaders.taskByCrmTask.load(crmTask.id),
};
