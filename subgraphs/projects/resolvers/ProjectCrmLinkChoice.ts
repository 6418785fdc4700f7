import type { ProjectCrmLinkChoiceResolvers } from '../generated/resolvers';

export const ProjectCrmLinkChoice: ProjectCrmLinkChoiceResolvers = {
  account: (choice) => (choice.kind === 'DEAL' ? null : { id: choice.accountId }),
  deal: (choice) => (choice.kind === 'DEAL' ? { id: choice.dealId } : null),
};
