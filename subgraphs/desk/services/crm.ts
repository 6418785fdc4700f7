import type { EntityManager } from 'typeorm';
import { badUserInput, conflict, forbidden, notFound } from '../../../shared/errors';
import type { Identity } from '../../../shared/identity';
import { isUuid } from '../../../shared/loaders';
import type { DeskContext } from '../context';
import {
  Account,
  Contact,
  ContactAccount,
  CrmTask,
  CrmTaskComment,
  CrmTaskSyncNotice,
  Deal,
  DealStage,
} from '../entities';
import type { CrmTaskPriority, CrmTaskStatus } from '../entities/CrmTask';
import { crmTaskPayload, dealPayload, outcomeEvent, publishDeskEvent } from '../events';
import { activeAgent, existingOne, optionalText, requiredText } from './validation';

export interface CreateDealInput {
  name: string;
  accountId: string;
  contactId?: string | null;
  amount: number;
  currency?: string | null;
  stageId?: string | null;
  ownerId?: string | null;
  closingDate?: string | null;
}

/** deal.amount is numeric(14,2): anything larger would fail in PostgreSQL as an internal error. */
const MAX_AMOUNT = 999_999_999_999.99;

function actingAgentId(ctx: DeskContext): string {
  if (!ctx.viewer.agent) throw forbidden('Only an agent can own CRM records');
  return ctx.viewer.agent.id;
}

export function createDeal(ctx: DeskContext, input: CreateDealInput): Promise<Deal> {
  return ctx.db.transaction(async (manager) => {
    const name = requiredText('name', input.name);
    if (!(input.amount >= 0))
      throw badUserInput('amount must not be negative', { field: 'amount' });
    if (input.amount > MAX_AMOUNT) {
      throw badUserInput(`amount must not exceed ${MAX_AMOUNT}`, { field: 'amount' });
    }
    // PostgreSQL would round a third decimal away, and the deal returned (and its event) would
    // then say something other than what is stored.
    if (Math.abs(Math.round(input.amount * 100) - input.amount * 100) > 1e-6) {
      throw badUserInput('amount must have at most 2 decimal places', { field: 'amount' });
    }
    const currency = (input.currency ?? 'USD').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw badUserInput(`currency "${input.currency}" is not an ISO 4217 code`, {
        field: 'currency',
      });
    }
    const account = await existingOne(manager, Account, 'Account', input.accountId);
    if (input.contactId) {
      await existingOne(manager, Contact, 'Contact', input.contactId);
      const member = await manager.existsBy(ContactAccount, {
        contactId: input.contactId,
        accountId: account.id,
      });
      if (!member) {
        throw badUserInput('The deal contact must belong to the deal account', {
          field: 'contactId',
        });
      }
    }
    const stage = input.stageId
      ? await existingOne(manager, DealStage, 'DealStage', input.stageId)
      : await manager.findOneOrFail(DealStage, {
          where: { outcome: 'OPEN' },
          order: { position: 'ASC' },
        });
    const ownerId = input.ownerId
      ? await activeAgent(manager, input.ownerId, 'ownerId', 'own CRM records')
      : actingAgentId(ctx);
    const deal = await manager.save(
      manager.create(Deal, {
        name,
        accountId: account.id,
        contactId: input.contactId ?? null,
        amount: input.amount,
        currency,
        stageId: stage.id,
        ownerId,
        closingDate: input.closingDate ?? null,
        closedAt: stage.outcome === 'OPEN' ? null : new Date(),
      }),
    );
    const payload = dealPayload(deal, stage);
    await publishDeskEvent(manager, ctx.identity, 'desk.deal.created', deal.id, payload);
    // A deal created straight into a closed stage is also won or lost, for the process rules.
    const outcome = outcomeEvent(stage);
    if (outcome) await publishDeskEvent(manager, ctx.identity, outcome, deal.id, payload);
    return deal;
  });
}

/** Moving a deal into a won or lost stage closes it; moving it back reopens it. */
export function moveDealToStage(ctx: DeskContext, dealId: string, stageId: string): Promise<Deal> {
  return ctx.db.transaction(async (manager) => {
    const deal = await existingOne(manager, Deal, 'Deal', dealId);
    const stage = await existingOne(manager, DealStage, 'DealStage', stageId);
    if (deal.stageId === stage.id) return deal;
    const previous = await existingOne(manager, DealStage, 'DealStage', deal.stageId);
    deal.stageId = stage.id;
    deal.closedAt = stage.outcome === 'OPEN' ? null : new Date();
    const saved = await manager.save(deal);
    // Moving between two won stages wins nothing new.
    const outcome = outcomeEvent(stage);
    if (outcome && stage.outcome !== previous.outcome) {
      await publishDeskEvent(manager, ctx.identity, outcome, saved.id, dealPayload(saved, stage));
    }
    return saved;
  });
}

export interface CreateCrmTaskInput {
  subject: string;
  description?: string | null;
  dueDate?: string | null;
  priority?: CrmTaskPriority | null;
  ownerId?: string | null;
  accountId?: string | null;
  contactId?: string | null;
  dealId?: string | null;
}

export interface UpdateCrmTaskInput {
  subject?: string | null;
  description?: string | null;
  dueDate?: string | null;
  priority?: CrmTaskPriority | null;
  status?: CrmTaskStatus | null;
  ownerId?: string | null;
}

export function createCrmTask(ctx: DeskContext, input: CreateCrmTaskInput): Promise<CrmTask> {
  return ctx.db.transaction(async (manager) => {
    const subject = requiredText('subject', input.subject);
    if (!input.accountId && !input.contactId && !input.dealId) {
      throw badUserInput('A CRM task needs an accountId, a contactId or a dealId', {
        field: 'accountId',
      });
    }
    if (input.accountId) await existingOne(manager, Account, 'Account', input.accountId);
    if (input.contactId) await existingOne(manager, Contact, 'Contact', input.contactId);
    const deal = input.dealId ? await existingOne(manager, Deal, 'Deal', input.dealId) : null;
    // As for deals, the links must agree: a task on a deal is on the deal's account, and its
    // contact belongs to that account; otherwise crmTasks(accountId:) would list it wrongly.
    if (deal && input.accountId && input.accountId !== deal.accountId) {
      throw badUserInput("accountId must be the deal's account", { field: 'accountId' });
    }
    const accountId = input.accountId ?? deal?.accountId ?? null;
    if (
      input.contactId &&
      accountId &&
      !(await manager.existsBy(ContactAccount, { contactId: input.contactId, accountId }))
    ) {
      throw badUserInput("The task's contact must belong to the task's account", {
        field: 'contactId',
      });
    }
    const createdById = actingAgentId(ctx);
    const ownerId = input.ownerId
      ? await activeAgent(manager, input.ownerId, 'ownerId', 'own CRM records')
      : createdById;
    const task = await manager.save(
      manager.create(CrmTask, {
        subject,
        description: optionalText(input.description),
        dueDate: input.dueDate ?? null,
        priority: input.priority ?? 'NONE',
        status: 'OPEN',
        ownerId,
        createdById,
        accountId,
        contactId: input.contactId ?? null,
        dealId: deal?.id ?? null,
      }),
    );
    await publishDeskEvent(
      manager,
      ctx.identity,
      'desk.crm_task.created',
      task.id,
      crmTaskPayload(task),
    );
    return task;
  });
}

/** The task, locked until the transaction ends, so that what an update compares is what it saves. */
async function lockedCrmTask(manager: EntityManager, id: string): Promise<CrmTask> {
  const task = isUuid(id)
    ? await manager.findOne(CrmTask, { where: { id }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!task) throw notFound('CrmTask', id);
  return task;
}

/**
 * Applies an update to a locked task and publishes desk.crm_task.updated naming the fields it
 * changed, caused by `identity`. Every change of a task's own fields goes through here, an agent's
 * edit as much as a peer service's restore, so consumers see one kind of event for both.
 */
async function applyCrmTaskUpdate(
  manager: EntityManager,
  identity: Identity,
  task: CrmTask,
  input: UpdateCrmTaskInput,
): Promise<{ task: CrmTask; changed: string[] }> {
  const before = crmTaskPayload(task);
  if (input.subject != null) task.subject = requiredText('subject', input.subject);
  if (input.description !== undefined) task.description = optionalText(input.description);
  if (input.dueDate !== undefined) task.dueDate = input.dueDate;
  if (input.priority) task.priority = input.priority;
  if (input.status) task.status = input.status;
  if (input.ownerId)
    task.ownerId = await activeAgent(manager, input.ownerId, 'ownerId', 'own CRM records');
  const after = crmTaskPayload(task);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
    (field) => after[field] !== before[field],
  );
  // Nothing changed, nothing to tell: a sync writing back what it read must not echo.
  if (changed.length === 0) return { task, changed };
  const saved = await manager.save(task);
  await publishDeskEvent(manager, identity, 'desk.crm_task.updated', saved.id, {
    ...crmTaskPayload(saved),
    changed,
  });
  return { task: saved, changed };
}

export function updateCrmTask(
  ctx: DeskContext,
  id: string,
  input: UpdateCrmTaskInput,
): Promise<CrmTask> {
  return ctx.db.transaction(async (manager) => {
    const { task } = await applyCrmTaskUpdate(
      manager,
      ctx.identity,
      await lockedCrmTask(manager, id),
      input,
    );
    return task;
  });
}

export interface RefuseCrmTaskUpdateInput {
  eventId: string;
  reason: string;
  restore: UpdateCrmTaskInput;
}

/**
 * PRJ-6/PRJ-7: a peer service did not apply the update a desk event carried. The task takes back
 * the service's values of the refused fields (an ordinary update, caused by the service, which
 * the service recognises as its own echo) and keeps a notice saying why, in one transaction.
 * Once per event: the service retries its call until it gets an answer, and a repeat returns the
 * task as it is.
 */
export function refuseCrmTaskUpdate(
  ctx: DeskContext,
  taskId: string,
  input: RefuseCrmTaskUpdateInput,
): Promise<CrmTask> {
  const { identity } = ctx;
  // The shield lets only a service acting on its own behalf through; this is for the types.
  if (identity.kind !== 'service') throw forbidden('Only a peer service can refuse an update');
  if (!isUuid(input.eventId)) {
    throw badUserInput(`eventId "${input.eventId}" is not a desk event id`, { field: 'eventId' });
  }
  const message = requiredText('reason', input.reason);
  if (Object.values(input.restore).every((value) => value === undefined)) {
    throw badUserInput('restore must name at least one field', { field: 'restore' });
  }
  return ctx.db.transaction(async (manager) => {
    // Locked first, so that two calls for one event take turns and the second finds the notice.
    const task = await lockedCrmTask(manager, taskId);
    const recorded = await manager.findOneBy(CrmTaskSyncNotice, { eventId: input.eventId });
    if (recorded) {
      if (recorded.taskId !== task.id) {
        throw conflict(`Event "${input.eventId}" was refused for another CRM task`, {
          field: 'eventId',
        });
      }
      return task;
    }
    const restored = await applyCrmTaskUpdate(manager, identity, task, input.restore);
    await manager.insert(CrmTaskSyncNotice, {
      taskId: task.id,
      source: identity.service,
      eventId: input.eventId,
      message,
      restoredFields: restored.changed,
    });
    return restored.task;
  });
}

export function addCrmTaskComment(
  ctx: DeskContext,
  taskId: string,
  body: string,
): Promise<CrmTaskComment> {
  return ctx.db.transaction(async (manager) => {
    await existingOne(manager, CrmTask, 'CrmTask', taskId);
    const comment = await manager.save(
      manager.create(CrmTaskComment, {
        taskId,
        authorId: actingAgentId(ctx),
        body: requiredText('body', body),
      }),
    );
    await publishDeskEvent(manager, ctx.identity, 'desk.crm_task.commented', taskId, {
      taskId,
      commentId: comment.id,
      authorId: comment.authorId,
      body: comment.body,
    });
    return comment;
  });
}
