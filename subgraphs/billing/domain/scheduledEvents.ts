/*
 * What happens to a subscription by itself as the days pass (BIL-3): it starts, its trial ends, it
 * renews, a non-renewing one expires. The lifecycle sweep (jobs/lifecycleSweep) asks these
 * functions what is due and records every step through applyEvent, the same way the seed walks
 * the demo's histories, so what the sweep writes reads like what the seed wrote.
 */

import { addDays, daysBetween } from '../../../shared/dates';
import {
  applyEvent,
  nextScheduledOn,
  planLabel,
  type SubscriptionEvent,
  type SubscriptionState,
} from './subscriptionLifecycle';

/**
 * A subscription far behind (billing stopped for a while) catches up at most this many steps per
 * sweep, three years of monthly terms, so one sweep cannot run away on a subscription; the next
 * sweep goes on where this one stopped.
 */
export const MAX_STEPS_PER_SWEEP = 36;

/**
 * The change due on nextScheduledOn, if the sweep makes it. A trial converts to a paid term rather
 * than expiring: trials are taken with a payment method, and a customer who does not want to go on
 * cancels before the trial ends. A DUNNING subscription is left alone: whether its payment is
 * recovered, retried again or given up is the payment provider's to say, and applyEvent would
 * refuse to renew it unpaid anyway.
 */
export function scheduledEvent(state: SubscriptionState): SubscriptionEvent | null {
  const on = nextScheduledOn(state);
  if (on === null) return null;
  switch (state.status) {
    case 'FUTURE':
      return { kind: state.trialEndsOn === null ? 'ACTIVATED' : 'TRIAL_STARTED', on };
    case 'TRIAL':
      return { kind: 'ACTIVATED', on };
    case 'LIVE':
      return { kind: 'RENEWED', on };
    case 'NON_RENEWING':
      return { kind: 'EXPIRED', on };
    default:
      return null;
  }
}

export interface ScheduledStep {
  before: SubscriptionState;
  event: SubscriptionEvent;
  after: SubscriptionState;
}

/**
 * Every scheduled change due by `today`, oldest first, each applied to the state the previous one
 * left: a subscription several terms behind renews term by term. Empty when nothing is due, which
 * is what makes a second sweep on the same day change nothing.
 */
export function dueSteps(
  state: SubscriptionState,
  today: string,
  limit = MAX_STEPS_PER_SWEEP,
): ScheduledStep[] {
  const steps: ScheduledStep[] = [];
  let current = state;
  while (steps.length < limit) {
    const event = scheduledEvent(current);
    if (!event || event.on > today) break;
    const after = applyEvent(current, event);
    steps.push({ before: current, event, after });
    current = after;
  }
  return steps;
}

/**
 * When a step is recorded as having happened: at the start of its day (UTC), the moment it fell
 * due, but never before the subscription's previous activity, so that its history keeps its order
 * when that activity was later on the same day.
 */
export function stepOccurredAt(on: string, previous: Date | null): Date {
  const startOfDay = Date.parse(`${on}T00:00:00Z`);
  return new Date(previous ? Math.max(startOfDay, previous.getTime() + 1) : startOfDay);
}

/**
 * The days a subscription's customer is given to pay its next invoice: as many as on its last one.
 * Billing stores no payment mode, but the seed's rule shows in the invoices it issued: a card is
 * charged on the day (due the day it is issued), a bank transfer is given 30 days. A subscription
 * not invoiced yet gets `fallback`.
 */
export function paymentTermsDays(
  last: { issuedOn: string; dueOn: string } | null,
  fallback: number,
): number {
  return last ? daysBetween(last.issuedOn, last.dueOn) : fallback;
}

/** The invoice of the term a step started; the seed words the line the same way. */
export interface TermInvoice {
  issuedOn: string;
  dueOn: string;
  line: { description: string; quantity: number; rate: number; amount: number };
}

/**
 * The invoice of the term `term` is in, issued the day the term started and due `termsDays` later.
 * One line: the plan for the term, its quantity at the plan's price.
 */
export function termInvoice(
  term: SubscriptionState,
  issuedOn: string,
  termsDays: number,
): TermInvoice {
  if (term.currentTermStartsOn === null || term.currentTermEndsOn === null) {
    throw new Error(`a ${term.status} subscription has no term to invoice`);
  }
  return {
    issuedOn,
    dueOn: addDays(issuedOn, termsDays),
    line: {
      description: `${planLabel(term.plan)}, ${term.currentTermStartsOn} to ${term.currentTermEndsOn}`,
      quantity: term.quantity,
      rate: term.plan.price,
      amount: term.amount,
    },
  };
}
