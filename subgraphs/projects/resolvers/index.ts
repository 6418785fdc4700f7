import { DateScalar, DateTime } from '../../../shared/graphql/scalars';
import type { Resolvers } from '../generated/resolvers';
import { Account } from './Account';
import { CrmTask } from './CrmTask';
import { Deal } from './Deal';
import { Mutation } from './Mutation';
import { Project } from './Project';
import { ProjectClient } from './ProjectClient';
import { ProjectCrmLinkChoice } from './ProjectCrmLinkChoice';
import { ProjectCrmRefusal } from './ProjectCrmRefusal';
import { ProjectMember } from './ProjectMember';
import { ProjectsIntegration } from './ProjectsIntegration';
import { ProjectsProfilePermissions } from './ProjectsProfilePermissions';
import { ProjectsSyncRun } from './ProjectsSyncRun';
import { ProjectTask } from './ProjectTask';
import { ProjectTaskComment } from './ProjectTaskComment';
import { ProjectTaskCrmLink } from './ProjectTaskCrmLink';
import { ProjectUser } from './ProjectUser';
import { Query } from './Query';

export const projectsResolvers: Resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Account,
  Deal,
  CrmTask,
  ProjectsIntegration,
  ProjectsProfilePermissions,
  Project,
  ProjectClient,
  ProjectUser,
  ProjectMember,
  ProjectTask,
  ProjectTaskComment,
  ProjectTaskCrmLink,
  ProjectCrmRefusal,
  ProjectCrmLinkChoice,
  ProjectsSyncRun,
};
