import { formatMoney } from '../../../shared/money';
import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { PAYMENT_TERMS_DAYS } from '../../../shared/integration/documents';
import { nextNumber } from '../../../shared/integration/numbering';
import type { ScheduledJob } from '../../../shared/jobs/workers';
import type { Logger } from '../../../shared/logger';
import { BILLING_SCHEMA } from '../database';
import { dueSteps, paymentTermsDays, stepOccurredAt, termInvoice } from '../domain/scheduledEvents';
import {
  describeTransition,
  type SubscriptionState,
  TERM_STARTING_KINDS,
} from '../domain/subscriptionLifecycle';
import { Invoice, InvoiceLine, Plan, Subscription, SubscriptionActivity } from '../entities';

/*
 * BIL-3's subscriptions and BIL-4's invoices move on by themselves, as in the billing product:
 * subscriptions start, trials convert, terms renew and non-renewing ones expire on their dates,
 * each term is invoiced, and unpaid invoices past their due date become OVERDUE. Nothing here
 * takes money: payments are recorded when the payment provider reports them.
 *
 * It runs for every organization, whatever the state of the desk integration: disabling or
 * deleting the integration hides billing in desk (BIL-7) but does not stop the billing business.
 */

/** Every quarter of an hour, so that a renewal is made early on its day. */
export const LIFECYCLE_SWEEP_CRON = '*/15 * * * *';

export interface SweepOptions {
  /** Only these customers' subscriptions and invoices; a test sweeps the ones it made. */
  customerIds?: readonly string[];
}

export interface SweepOutcome {
  /** The day it swept as of, the UTC date of `now`. */
  today: string;
  /** Subscriptions moved on, and the events and invoices that took. */
  subscriptions: number;
  events: number;
  invoices: number;
  /** Subscriptions it could not move on; each is logged and left as it was. */
  failed: number;
  /** Invoices that became OVERDUE. */
  overdue: number;
}

/**
 * Moves every subscription whose scheduled change is due by today on, then marks overdue
 * invoices. Each subscription is moved in its own transaction, after locking its row, so a
 * failure leaves the others moved and a concurrent sweep skips the rows this one holds; a second
 * sweep on the same day finds nothing due. Invoices are marked last: a term invoiced late by a
 * catch-up, whose due date has passed already, is OVERDUE at once instead of on the next sweep,
 * which would otherwise still find something to change on the same day.
 */
export async function sweepBillingLifecycle(
  dataSource: DataSource,
  log: Logger,
  now: Date,
  options: SweepOptions = {},
): Promise<SweepOutcome> {
  const today = now.toISOString().slice(0, 10);
  const outcome: SweepOutcome = {
    today,
    subscriptions: 0,
    events: 0,
    invoices: 0,
    failed: 0,
    overdue: 0,
  };
  for (const id of await dueSubscriptions(dataSource, today, options)) {
    try {
      const moved = await dataSource.transaction((manager) => moveOn(manager, id, today, now));
      if (moved.events > 0) outcome.subscriptions += 1;
      outcome.events += moved.events;
      outcome.invoices += moved.invoices;
    } catch (error) {
      outcome.failed += 1;
      log.error({ err: error, subscriptionId: id }, 'could not move the subscription on');
    }
  }
  outcome.overdue = await markOverdue(dataSource, today, now, options);
  log.info(outcome, 'billing lifecycle sweep');
  return outcome;
}

export const lifecycleSweep: ScheduledJob = {
  name: 'lifecycle-sweep',
  cron: LIFECYCLE_SWEEP_CRON,
  run: (dataSource, log, now) => sweepBillingLifecycle(dataSource, log, now),
};

/**
 * The subscriptions with something due by today, the longest waiting first. The CASE is
 * nextScheduledOn in SQL, so that only those rows are read; what each is due is then decided by
 * the lifecycle itself. DUNNING is left out, as scheduledEvent leaves it alone.
 */
async function dueSubscriptions(
  dataSource: DataSource,
  today: string,
  { customerIds }: SweepOptions,
): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM (
       SELECT id, customer_id, CASE status
           WHEN 'FUTURE' THEN starts_on
           WHEN 'NON_RENEWING' THEN current_term_ends_on + 1
           ELSE next_renewal_on
         END AS scheduled_on
       FROM billing.subscription
       WHERE status IN ('FUTURE', 'TRIAL', 'LIVE', 'NON_RENEWING')
     ) due
     WHERE scheduled_on <= $1 AND ($2::uuid[] IS NULL OR customer_id = ANY($2::uuid[]))
     ORDER BY scheduled_on, id`,
    [today, customerIds ?? null],
  );
  return rows.map((row) => row.id);
}

/**
 * Applies what is due to one subscription: an activity per event, the invoice of each term
 * started, and the row as the last event left it. The row is read again under a lock: another
 * sweep holding it skips it here, and one that moved it already leaves nothing due.
 */
async function moveOn(
  manager: EntityManager,
  id: string,
  today: string,
  now: Date,
): Promise<{ events: number; invoices: number }> {
  const subscription = await manager
    .getRepository(Subscription)
    .createQueryBuilder('s')
    .where('s.id = :id', { id })
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getOne();
  if (!subscription) return { events: 0, invoices: 0 };
  const plan = await manager.findOneByOrFail(Plan, { id: subscription.planId });
  const [{ last }]: { last: Date | null }[] = await manager.query(
    `SELECT max(occurred_at) AS last FROM billing.subscription_activity WHERE subscription_id = $1`,
    [id],
  );
  const steps = dueSteps(stateOf(subscription, plan, last ?? subscription.createdAt), today);
  if (steps.length === 0) return { events: 0, invoices: 0 };

  const money = (amount: number) => formatMoney(amount, subscription.currency);
  const termsDays = paymentTermsDays(
    await manager.findOne(Invoice, {
      select: { issuedOn: true, dueOn: true },
      // Its own invoices: one made from a ticket may have been given other terms.
      where: { subscriptionId: id, ticketId: IsNull() },
      order: { issuedOn: 'DESC', createdAt: 'DESC' },
    }),
    PAYMENT_TERMS_DAYS,
  );
  const activities: SubscriptionActivity[] = [];
  const invoices: Invoice[] = [];
  const lines: InvoiceLine[] = [];
  let previous = last;
  for (const { before, event, after } of steps) {
    const occurredAt = stepOccurredAt(event.on, previous);
    previous = occurredAt;
    activities.push({
      id: randomUUID(),
      subscriptionId: id,
      customerId: subscription.customerId,
      kind: event.kind,
      occurredAt,
      summary: describeTransition(before, after, event, money),
    });
    if (!TERM_STARTING_KINDS.includes(event.kind)) continue;
    const { issuedOn, dueOn, line } = termInvoice(after, event.on, termsDays);
    const invoice: Invoice = {
      id: randomUUID(),
      organizationId: subscription.organizationId,
      customerId: subscription.customerId,
      subscriptionId: id,
      ticketId: null,
      number: await nextNumber(manager, BILLING_SCHEMA, subscription.organizationId, 'INV'),
      issuedOn,
      dueOn,
      status: 'SENT',
      total: line.amount,
      currency: subscription.currency,
      createdBy: null,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    };
    invoices.push(invoice);
    lines.push({ id: randomUUID(), invoiceId: invoice.id, position: 1, ...line });
  }
  const final = steps[steps.length - 1].after;
  await manager.insert(SubscriptionActivity, activities);
  if (invoices.length > 0) {
    await manager.insert(Invoice, invoices);
    await manager.insert(InvoiceLine, lines);
  }
  await manager.update(Subscription, id, {
    status: final.status,
    activatedOn: final.activatedOn,
    trialEndsOn: final.trialEndsOn,
    currentTermStartsOn: final.currentTermStartsOn,
    currentTermEndsOn: final.currentTermEndsOn,
    nextRenewalOn: final.nextRenewalOn,
    updatedAt: now,
  });
  return { events: steps.length, invoices: invoices.length };
}

/**
 * The lifecycle's view of a row. The row keeps no date of its last change, which applyEvent
 * needs to refuse an event dated before it: that is the day of its latest activity.
 */
function stateOf(subscription: Subscription, plan: Plan, lastChange: Date): SubscriptionState {
  return {
    status: subscription.status,
    plan: {
      id: plan.id,
      name: plan.name,
      price: plan.price,
      interval: plan.interval,
      intervalCount: plan.intervalCount,
      trialDays: plan.trialDays,
    },
    quantity: subscription.quantity,
    amount: subscription.amount,
    startsOn: subscription.startsOn,
    activatedOn: subscription.activatedOn,
    trialEndsOn: subscription.trialEndsOn,
    currentTermStartsOn: subscription.currentTermStartsOn,
    currentTermEndsOn: subscription.currentTermEndsOn,
    nextRenewalOn: subscription.nextRenewalOn,
    cancelledOn: subscription.cancelledOn,
    pausedOn: subscription.pausedOn,
    changedOn: lastChange.toISOString().slice(0, 10),
  };
}

/** Sent and partially paid invoices whose due date has passed, in one statement. */
async function markOverdue(
  dataSource: DataSource,
  today: string,
  now: Date,
  { customerIds }: SweepOptions,
): Promise<number> {
  const [, overdue]: [unknown, number] = await dataSource.query(
    `UPDATE billing.invoice SET status = 'OVERDUE', updated_at = $2
     WHERE status IN ('SENT', 'PARTIALLY_PAID') AND due_on < $1
       AND ($3::uuid[] IS NULL OR customer_id = ANY($3::uuid[]))`,
    [today, now, customerIds ?? null],
  );
  return overdue;
}
