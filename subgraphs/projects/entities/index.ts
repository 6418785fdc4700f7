import { Client } from './Client';
import { CrmUpdateRefusal } from './CrmUpdateRefusal';
import { ProfilePermission } from './ProfilePermission';
import { Project } from './Project';
import { ProjectDeal } from './ProjectDeal';
import { ProjectMember } from './ProjectMember';
import { ProjectsUser } from './ProjectsUser';
import { Task } from './Task';
import { TaskComment } from './TaskComment';
import { TaskList } from './TaskList';
import { TaskOwner } from './TaskOwner';

export {
  Client,
  CrmUpdateRefusal,
  ProfilePermission,
  Project,
  ProjectDeal,
  ProjectMember,
  ProjectsUser,
  Task,
  TaskComment,
  TaskList,
  TaskOwner,
};

export const projectsEntities = [
  Client,
  CrmUpdateRefusal,
  ProfilePermission,
  Project,
  ProjectDeal,
  ProjectMember,
  ProjectsUser,
  Task,
  TaskComment,
  TaskList,
  TaskOwner,
];
