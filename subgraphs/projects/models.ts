import type { SyncRunRecord } from '../../shared/jobs/syncRuns';
import type { Connection, Edge } from '../../shared/pagination';
import type { Project, ProjectsUser, Task } from './entities';

/**
 * What projects' resolvers hand to GraphQL for its non-entity types and for the other subgraphs'
 * entities: codegen maps the schema's types to these (see scripts/codegen.ts).
 */

/** Desk's entities as projects receives and returns them: their keys. */
export interface AccountReference {
  id: string;
}
export interface DealReference {
  id: string;
}
export interface CrmTaskReference {
  id: string;
}
export interface AgentReference {
  id: string;
}
export interface ContactReference {
  id: string;
}
export interface AgentProfileReference {
  id: string;
}

/** A task added to the CRM (PRJ-4/5): it is its own CRM link, the link being its crm_* columns. */
export type LinkedTask = Task & { deskCrmTaskId: string; crmLinkedAt: Date };

export const isLinked = (task: Task): task is LinkedTask =>
  task.deskCrmTaskId !== null && task.crmLinkedAt !== null;

/** ProjectsIntegration has no state of its own: its one field is the viewer's levels. */
export type ProjectsIntegrationModel = Record<string, never>;

export type ProjectConnectionModel = Connection<Project>;
export type ProjectEdgeModel = Edge<Project>;
export type ProjectTaskConnectionModel = Connection<Task>;
export type ProjectTaskEdgeModel = Edge<Task>;
export type ProjectUserConnectionModel = Connection<ProjectsUser>;
export type ProjectUserEdgeModel = Edge<ProjectsUser>;
export type ProjectsSyncRunConnectionModel = Connection<SyncRunRecord>;
export type ProjectsSyncRunEdgeModel = Edge<SyncRunRecord>;
