import type { EntityManager } from 'typeorm';
import {
  causedBy,
  type CrmTaskPayload,
  type DealPayload,
  type EventPayloads,
  type EventType,
} from '../../shared/events';
import type { Identity } from '../../shared/identity';
import { recordEvent } from '../../shared/jobs/outbox';
import { DESK_SCHEMA } from './database';
import type { CrmTask, Deal, DealStage } from './entities';

/** Records a desk event in the transaction of the change that causes it. */
export function publishDeskEvent<T extends EventType>(
  manager: EntityManager,
  identity: Identity,
  type: T,
  aggregateId: string,
  payload: EventPayloads[T],
): Promise<void> {
  return recordEvent(manager, DESK_SCHEMA, {
    type,
    aggregateId,
    causedBy: causedBy(identity),
    payload,
  });
}

export function dealPayload(deal: Deal, stage: DealStage): DealPayload {
  return {
    dealId: deal.id,
    name: deal.name,
    accountId: deal.accountId,
    contactId: deal.contactId,
    amount: deal.amount,
    currency: deal.currency,
    stageId: stage.id,
    stageName: stage.name,
    outcome: stage.outcome,
    ownerId: deal.ownerId,
    closingDate: deal.closingDate,
  };
}

export function crmTaskPayload(task: CrmTask): CrmTaskPayload {
  return {
    taskId: task.id,
    subject: task.subject,
    description: task.description,
    dueDate: task.dueDate,
    priority: task.priority,
    status: task.status,
    ownerId: task.ownerId,
    createdById: task.createdById,
    accountId: task.accountId,
    contactId: task.contactId,
    dealId: task.dealId,
  };
}

/** Deal events a stage implies: won and lost are what the other integrations act on. */
export function outcomeEvent(stage: DealStage): 'desk.deal.won' | 'desk.deal.lost' | null {
  if (stage.outcome === 'WON') return 'desk.deal.won';
  if (stage.outcome === 'LOST') return 'desk.deal.lost';
  return null;
}
