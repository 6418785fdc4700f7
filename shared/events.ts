import type { Identity } from './identity';

/**
 * The domain events subgraphs publish to each other through the job queue, with their payloads.
 * A publisher records them in its outbox in the transaction of the change; consumers receive the
 * envelope below, at least once, and apply it once (see shared/jobs/consumer.ts).
 */

/**
 * Who made the change: an agent, a service acting on its own or on an agent's behalf, or a partner
 * application (which has no agent behind it).
 */
export type CausedBy =
  | { kind: 'agent'; agentId: string }
  | { kind: 'service'; service: string; onBehalfOf: string | null }
  | { kind: 'partner'; partnerId: string };

export function causedBy(identity: Identity): CausedBy {
  switch (identity.kind) {
    case 'agent':
      return { kind: 'agent', agentId: identity.agentId };
    case 'service':
      return {
        kind: 'service',
        service: identity.service,
        onBehalfOf: identity.onBehalfOf ?? null,
      };
    case 'partner':
      return { kind: 'partner', partnerId: identity.partnerId };
  }
}

export type DealOutcome = 'OPEN' | 'WON' | 'LOST';

export interface DealPayload {
  dealId: string;
  name: string;
  accountId: string;
  contactId: string | null;
  amount: number;
  currency: string;
  stageId: string;
  stageName: string;
  outcome: DealOutcome;
  ownerId: string;
  closingDate: string | null;
}

export interface CrmTaskPayload {
  taskId: string;
  subject: string;
  description: string | null;
  dueDate: string | null;
  priority: string;
  status: string;
  ownerId: string;
  createdById: string;
  accountId: string | null;
  contactId: string | null;
  dealId: string | null;
}

export interface CrmTaskUpdatedPayload extends CrmTaskPayload {
  /** Names of the fields this change set, so a consumer can ignore what it does not mirror. */
  changed: string[];
}

export interface CrmTaskCommentedPayload {
  taskId: string;
  commentId: string;
  authorId: string;
  body: string;
}

/**
 * PRJ-3: a linked project task whose shared fields changed on the projects side (by an agent, or
 * by projects applying a desk update that leaves desk behind). The consumer reads the task's
 * current values, so several changes make one push.
 */
export interface ProjectTaskChangedPayload {
  taskId: string;
  crmTaskId: string;
}

/** PRJ-3: a comment written on a linked project task, for its desk task. */
export interface ProjectTaskCommentedPayload {
  taskId: string;
  crmTaskId: string;
  commentId: string;
  /** The desk agent who wrote it; desk's comment is theirs. */
  authorAgentId: string;
}

export interface EventPayloads {
  'desk.deal.created': DealPayload;
  'desk.deal.won': DealPayload;
  'desk.deal.lost': DealPayload;
  'desk.crm_task.created': CrmTaskPayload;
  'desk.crm_task.updated': CrmTaskUpdatedPayload;
  'desk.crm_task.commented': CrmTaskCommentedPayload;
  'projects.task.changed': ProjectTaskChangedPayload;
  'projects.task.commented': ProjectTaskCommentedPayload;
}

export type EventType = keyof EventPayloads;

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  /** The subgraph that published it. */
  source: string;
  aggregateId: string;
  occurredAt: string;
  causedBy: CausedBy;
  payload: EventPayloads[T];
}

export interface NewEvent<T extends EventType> {
  type: T;
  aggregateId: string;
  causedBy: CausedBy;
  payload: EventPayloads[T];
}
