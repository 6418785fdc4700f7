import { badUserInput, forbidden } from '../../../shared/errors';
import type { DeskContext } from '../context';
import {
  Account,
  Contact,
  ContactAccount,
  CrmTask,
  CrmTaskComment,
  Deal,
  DealStage,
} from '../entities';
import type { CrmTaskPriority, CrmTaskStatus } from '../entities/CrmTask';
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
    return manager.save(
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
  });
}

/** Moving a deal into a won or lost stage closes it; moving it back reopens it. */
export function moveDealToStage(ctx: DeskContext, dealId: string, stageId: string): Promise<Deal> {
  return ctx.db.transaction(async (manager) => {
    const deal = await existingOne(manager, Deal, 'Deal', dealId);
    const stage = await existingOne(manager, DealStage, 'DealStage', stageId);
    if (deal.stageId === stage.id) return deal;
    deal.stageId = stage.id;
    deal.closedAt = stage.outcome === 'OPEN' ? null : new Date();
    return manager.save(deal);
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
    return manager.save(
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
  });
}

export function updateCrmTask(
  ctx: DeskContext,
  id: string,
  input: UpdateCrmTaskInput,
): Promise<CrmTask> {
  return ctx.db.transaction(async (manager) => {
    const task = await existingOne(manager, CrmTask, 'CrmTask', id);
    if (input.subject != null) task.subject = requiredText('subject', input.subject);
    if (input.description !== undefined) task.description = optionalText(input.description);
    if (input.dueDate !== undefined) task.dueDate = input.dueDate;
    if (input.priority) task.priority = input.priority;
    if (input.status) task.status = input.status;
    if (input.ownerId)
      task.ownerId = await activeAgent(manager, input.ownerId, 'ownerId', 'own CRM records');
    return manager.save(task);
  });
}

export function addCrmTaskComment(
  ctx: DeskContext,
  taskId: string,
  body: string,
): Promise<CrmTaskComment> {
  return ctx.db.transaction(async (manager) => {
    await existingOne(manager, CrmTask, 'CrmTask', taskId);
    return manager.save(
      manager.create(CrmTaskComment, {
        taskId,
        authorId: actingAgentId(ctx),
        body: requiredText('body', body),
      }),
    );
  });
}
