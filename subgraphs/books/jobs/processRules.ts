import { addDays } from '../../../shared/dates';
import type { EntityManager } from 'typeorm';
import type { DealPayload, DomainEvent } from '../../../shared/events';
import type { EventConsumer } from '../../../shared/jobs/consumer';
import { nextNumber } from '../../../shared/integration/numbering';
import { logger, type Logger } from '../../../shared/logger';
import { BOOKS_SCHEMA } from '../database';
import { documentTotals, lineProblems } from '../domain/money';
import { NUMBER_PREFIXES } from '../domain/status';
import {
  BooksContact,
  Connection,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
} from '../entities';
import {
  DEAL_EVENTS,
  type DealDocumentRows,
  isDealEventType,
  planDealEvent,
  type ProcessPlan,
} from './processRulePlan';

/** An invoice a won deal makes is due this many days after it is dated, as BKS-9's default. */
export const INVOICE_DUE_DAYS = 30;
/** An estimate a deal makes is valid this long; drafts never expire, so it counts once sent. */
export const ESTIMATE_VALID_DAYS = 30;

let processLog: Logger | undefined;
/** Created on first use: the shared logger reads the configuration, which tests set up first. */
const log = (): Logger => (processLog ??= logger('books-process-rules'));

/**
 * BKS-3: applies the connection's process rule to desk's deal events. The consumer machinery
 * applies each event id once; this handler is also idempotent by content, since desk may publish
 * the same change twice under different ids and events may arrive in any order: it looks at the
 * deal's documents first and only creates one where the deal has none (planDealEvent).
 */
export const processRulesConsumer: EventConsumer = {
  name: 'books-process-rules',
  schema: BOOKS_SCHEMA,
  events: ['desk.deal.created', 'desk.deal.won', 'desk.deal.lost'],
  handle: applyProcessRule,
};

async function applyProcessRule(event: DomainEvent, manager: EntityManager): Promise<void> {
  if (!isDealEventType(event.type)) return;
  // The payload type follows from the event type, which the guard above has narrowed.
  const deal = event.payload as DealPayload;
  // The rule in force when the event is applied, not when the deal changed: an administrator who
  // turns the rules off expects queued events to stop making documents.
  const connection = await manager.findOneBy(Connection, { id: 1 });
  if (connection?.status !== 'ENABLED' || connection.organizationId === null) return;
  if (connection.processRule === 'NONE') return;
  const organizationId = connection.organizationId;
  // Two events of one deal applied at once by two workers would each find no document and each
  // create one; nothing in the tables forbids two per deal, so they take turns per deal instead.
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `books-process-rule:${deal.dealId}`,
  ]);
  if (!(await isNewest(manager, deal.dealId, event))) {
    log().info(
      { event: event.id, type: event.type, deal: deal.dealId },
      'older deal event skipped',
    );
    return;
  }
  const documents = await dealDocuments(manager, organizationId, deal.dealId);
  const plan = planDealEvent(connection.processRule, DEAL_EVENTS[event.type], documents);
  const context = { event: event.id, type: event.type, deal: deal.dealId, plan: plan.action };
  switch (plan.action) {
    case 'NONE':
      return;
    case 'SET_ESTIMATE_STATUS':
      await manager.update(Estimate, { id: plan.estimateId }, { status: plan.status });
      return;
    case 'VOID_INVOICE':
      // isVoidable held: nothing is paid, so nothing is due once void.
      await manager.update(Invoice, { id: plan.invoiceId }, { status: 'VOID', balanceDue: 0 });
      return;
    case 'CREATE_ESTIMATE':
    case 'CREATE_INVOICE': {
      const contact = await dealContact(manager, organizationId, deal);
      if (!contact) {
        // Not an error to retry: nothing changes until the account is synced (BKS-10), and the
        // event would fail again until the retries ran out.
        log().warn(context, 'deal has no books contact; process rule not applied');
        return;
      }
      const problem = lineProblem(deal, contact);
      if (problem) {
        log().warn({ ...context, problem }, 'deal cannot be billed; process rule not applied');
        return;
      }
      await createDocument(manager, plan, contact, deal, event.occurredAt);
      log().info(context, 'process rule applied');
    }
  }
}

/**
 * Records the event as the deal's newest unless one that happened later was applied already.
 * Events that happened at the same moment all count as newest: a copy of one finds its documents
 * made and does nothing (planDealEvent), and a deal created straight into a closed stage may
 * publish its created and won events with one timestamp.
 */
async function isNewest(
  manager: EntityManager,
  dealId: string,
  event: DomainEvent,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO books.deal_event_applied AS applied (deal_id, occurred_at, event_type)
     VALUES ($1, $2, $3)
     ON CONFLICT (deal_id) DO UPDATE SET occurred_at = excluded.occurred_at,
       event_type = excluded.event_type
     WHERE applied.occurred_at <= excluded.occurred_at
     RETURNING deal_id`,
    [dealId, event.occurredAt, event.type],
  );
  return rows.length > 0;
}

/**
 * The deal's newest estimate and invoice in the connected organization; those of an organization
 * chosen before are no longer this desk's business (BKS-2).
 */
async function dealDocuments(
  manager: EntityManager,
  organizationId: string,
  dealId: string,
): Promise<DealDocumentRows> {
  const where = { organizationId, dealId };
  const order = { createdAt: 'DESC', id: 'DESC' } as const;
  return {
    estimate: await manager.findOne(Estimate, { where, order }),
    invoice: await manager.findOne(Invoice, { where, order }),
  };
}

/**
 * The books contact the deal is billed to: the one synced with its account, or, where desk
 * contacts are what is synced (BKS-4 module CONTACTS), the one synced with the deal's contact.
 */
async function dealContact(
  manager: EntityManager,
  organizationId: string,
  deal: DealPayload,
): Promise<BooksContact | null> {
  const byAccount = await manager.findOneBy(BooksContact, {
    organizationId,
    deskAccountId: deal.accountId,
  });
  if (byAccount || deal.contactId === null) return byAccount;
  return manager.findOneBy(BooksContact, { organizationId, deskContactId: deal.contactId });
}

/**
 * Why the deal's amount cannot be a line for the contact, or null. A document is in its contact's
 * currency and books has no exchange rates, so a deal in another currency is left alone rather
 * than billed at the wrong amount.
 */
function lineProblem(deal: DealPayload, contact: BooksContact): string | null {
  if (deal.currency !== contact.currency) {
    return `the deal is in ${deal.currency}, the books contact in ${contact.currency}`;
  }
  const problems = lineProblems({ quantity: 1, rate: deal.amount, taxRate: 0 });
  return problems.length > 0 ? problems.map((problem) => problem.message).join('; ') : null;
}

/**
 * One line, the deal itself: its name, once, at its amount, without tax (desk's amount is what was
 * agreed; books adds tax when an agent edits the draft). Dated the day the deal changed, in UTC.
 */
async function createDocument(
  manager: EntityManager,
  plan: Extract<ProcessPlan, { action: 'CREATE_ESTIMATE' | 'CREATE_INVOICE' }>,
  contact: BooksContact,
  deal: DealPayload,
  occurredAt: string,
): Promise<void> {
  const date = new Date(occurredAt).toISOString().slice(0, 10);
  const line = { quantity: 1, rate: deal.amount, taxRate: 0 };
  const totals = documentTotals([line], contact.currency);
  const kind = plan.action === 'CREATE_ESTIMATE' ? 'ESTIMATE' : 'INVOICE';
  const document = {
    organizationId: contact.organizationId,
    contactId: contact.id,
    number: await nextNumber(manager, BOOKS_SCHEMA, contact.organizationId, NUMBER_PREFIXES[kind]),
    date,
    subTotal: totals.subTotal,
    tax: totals.tax,
    total: totals.total,
    currency: contact.currency,
    notes: null,
    dealId: deal.dealId,
    createdBy: null,
  };
  const lineValues = {
    position: 1,
    itemId: null,
    description: deal.name,
    ...line,
    amount: totals.lines[0].amount,
  };
  if (plan.action === 'CREATE_ESTIMATE') {
    const estimate = await manager.save(
      manager.create(Estimate, {
        ...document,
        status: plan.status,
        expiresOn: addDays(date, ESTIMATE_VALID_DAYS),
      }),
    );
    await manager.insert(EstimateLine, { ...lineValues, estimateId: estimate.id });
    return;
  }
  // A draft, like the estimate: the customer is sent it when an agent e-mails it (BKS-11).
  const invoice = await manager.save(
    manager.create(Invoice, {
      ...document,
      status: 'DRAFT',
      dueOn: addDays(date, INVOICE_DUE_DAYS),
      balanceDue: totals.total,
      estimateId: null,
      salesOrderId: null,
    }),
  );
  await manager.insert(InvoiceLine, { ...lineValues, invoiceId: invoice.id });
}
