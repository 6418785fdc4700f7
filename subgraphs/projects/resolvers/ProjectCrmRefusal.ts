import type { ProjectCrmRefusalResolvers } from '../generated/resolvers';

export const ProjectCrmRefusal: ProjectCrmRefusalResolvers = {
  crmTask: (refusal) => ({ id: refusal.deskCrmTaskId }),
};
