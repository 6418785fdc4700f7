/*
 * The lifecycle of a subscription as the billing service keeps it (BIL-3): which events may
 * happen in which status, and what each does to the status and dates. Every change goes through
 * applyEvent, and the seed builds every demo subscription by walking its events through it, so
 * the activity history and the final row always agree.
 *
 * Dates are calendar dates (`YYYY-MM-DD`, UTC), as the `date` columns hold them. A term runs from
 * its first day to its last day inclusive; the next term, and so the renewal, starts the day after
 * (a monthly term from 2026-03-15 ends 2026-04-14 and renews 2026-04-15).
 */

import { addDays, formatCalendarDate, parseCalendarDate } from '../../../shared/dates';
import { multiplyMoney } from './amounts';

export const SUBSCRIPTION_STATUSES = [
  'FUTURE',
  'TRIAL',
  'LIVE',
  'NON_RENEWING',
  'UNPAID',
  'DUNNING',
  'PAUSED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * The statuses with a next renewal date. A FUTURE or TRIAL subscription is first billed on it, a
 * LIVE one renews on it, and a DUNNING one still would once its payment is recovered. The others
 * will not renew: NON_RENEWING keeps its current term but ends with it, UNPAID and PAUSED wait
 * for someone to act, CANCELLED and EXPIRED are over.
 */
export const RENEWING_STATUSES: readonly SubscriptionStatus[] = [
  'FUTURE',
  'TRIAL',
  'LIVE',
  'DUNNING',
];

/** Statuses that have been activated and so always have a current term. */
const ACTIVE_STATUSES: readonly SubscriptionStatus[] = [
  'LIVE',
  'NON_RENEWING',
  'UNPAID',
  'DUNNING',
  'PAUSED',
];

/** Every event, named as the activity it writes (the GraphQL enum BillingActivityKind). */
export const ACTIVITY_KINDS = [
  'CREATED',
  'TRIAL_STARTED',
  'ACTIVATED',
  'RENEWED',
  'UPGRADED',
  'DOWNGRADED',
  'PAYMENT_FAILED',
  'PAYMENT_RECOVERED',
  'MARKED_UNPAID',
  'PAUSED',
  'RESUMED',
  'CANCELLATION_SCHEDULED',
  'CANCELLED',
  'EXPIRED',
  'REACTIVATED',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The events that start a new term, which the customer is invoiced for. */
export const TERM_STARTING_KINDS: readonly ActivityKind[] = [
  'ACTIVATED',
  'RENEWED',
  'RESUMED',
  'REACTIVATED',
];

export const PLAN_INTERVALS = ['MONTH', 'YEAR'] as const;
export type PlanInterval = (typeof PLAN_INTERVALS)[number];

/** What the lifecycle needs to know of a plan. */
export interface PlanTerms {
  id: string;
  name: string;
  /** Per unit and term. */
  price: number;
  interval: PlanInterval;
  /** Intervals per term: 3 with MONTH bills quarterly. */
  intervalCount: number;
  /** 0 when the plan offers no trial. */
  trialDays: number;
}

export interface SubscriptionState {
  status: SubscriptionStatus;
  plan: PlanTerms;
  quantity: number;
  /** Per term: the plan's price times the quantity. */
  amount: number;
  startsOn: string;
  /** When it first became LIVE; kept through later cancellations and reactivations. */
  activatedOn: string | null;
  /** The day the trial ends and the first term would start; null without a trial. */
  trialEndsOn: string | null;
  /** Null until activated; afterwards the term last started, kept when it stops renewing. */
  currentTermStartsOn: string | null;
  currentTermEndsOn: string | null;
  /** When it is next billed; null unless the status is one of RENEWING_STATUSES. */
  nextRenewalOn: string | null;
  /** Set while CANCELLED only: a reactivated subscription is no longer cancelled. */
  cancelledOn: string | null;
  /** Set while PAUSED only. */
  pausedOn: string | null;
  /** The date of the last event; a later event may not be dated before it. */
  changedOn: string;
}

export type SubscriptionEvent =
  | {
      kind: 'CREATED';
      on: string;
      plan: PlanTerms;
      quantity: number;
      startsOn: string;
      /** Starts with the plan's free trial. */
      trial: boolean;
    }
  | { kind: 'UPGRADED' | 'DOWNGRADED'; on: string; plan: PlanTerms; quantity: number }
  | { kind: Exclude<ActivityKind, 'CREATED' | 'UPGRADED' | 'DOWNGRADED'>; on: string };

/** An event that may not happen to the subscription as it stands. */
export class SubscriptionTransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriptionTransitionError';
  }
}

// --- Dates -----------------------------------------------------------------------------------------

// Day steps (addDays, daysBetween) are shared/dates; the month steps of terms are billing's own.

/**
 * `count` intervals later (earlier when negative). A day the target month lacks becomes its last
 * day, as billing services do: a month after 31 January is 28 or 29 February.
 */
export function addIntervals(date: string, interval: PlanInterval, count: number): string {
  const start = parseCalendarDate(date);
  const months = interval === 'YEAR' ? 12 * count : count;
  const firstOfTarget = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return formatCalendarDate(firstOfTarget);
}

/** The last day of a term of the plan that starts on `startsOn`. */
export function termEndsOn(startsOn: string, plan: PlanTerms): string {
  return addDays(addIntervals(startsOn, plan.interval, plan.intervalCount), -1);
}

// --- Plans and amounts -------------------------------------------------------------------------------

/** Per term: price × quantity, exact to the cent. */
export function amountOf(plan: PlanTerms, quantity: number): number {
  return multiplyMoney(plan.price, quantity);
}

/** "1 month", "3 months", "1 year". */
export function termLength(plan: Pick<PlanTerms, 'interval' | 'intervalCount'>): string {
  const unit = plan.interval === 'YEAR' ? 'year' : 'month';
  return `${plan.intervalCount} ${unit}${plan.intervalCount === 1 ? '' : 's'}`;
}

/** "monthly", "yearly", "every 3 months". */
export function cadence(plan: Pick<PlanTerms, 'interval' | 'intervalCount'>): string {
  if (plan.intervalCount === 1) return plan.interval === 'YEAR' ? 'yearly' : 'monthly';
  return `every ${termLength(plan)}`;
}

/** "Pro (monthly)", as people name what they subscribe to. */
export function planLabel(plan: PlanTerms): string {
  return `${plan.name} (${cadence(plan)})`;
}

// --- Transitions -----------------------------------------------------------------------------------

/**
 * The date of the next change that happens by itself unless something else happens first: the
 * start, the end of the trial, the renewal (which a DUNNING subscription must not reach unpaid),
 * or the expiry of a non-renewing one. Null when nothing is scheduled.
 */
export function nextScheduledOn(state: SubscriptionState): string | null {
  switch (state.status) {
    case 'FUTURE':
      return state.startsOn;
    case 'TRIAL':
      return state.trialEndsOn;
    case 'LIVE':
    case 'DUNNING':
      return state.nextRenewalOn;
    case 'NON_RENEWING':
      return state.currentTermEndsOn && addDays(state.currentTermEndsOn, 1);
    default:
      return null;
  }
}

/**
 * The subscription after `event`; `state` is null for CREATED, the only event that starts one.
 * Refuses, with a SubscriptionTransitionError, an event its status does not allow, one dated
 * before the last change, one dated after a scheduled change that has not been recorded yet, and
 * a scheduled event (start, trial end, renewal, expiry) on any other day than its own.
 */
export function applyEvent(
  state: SubscriptionState | null,
  event: SubscriptionEvent,
): SubscriptionState {
  parseCalendarDate(event.on);
  if (event.kind === 'CREATED') {
    if (state) throw refusal(`A subscription is created only once; this one is ${state.status}`);
    return checked(create(event));
  }
  if (!state) throw refusal(`A subscription must be created before it is ${verb(event.kind)}`);
  if (event.on < state.changedOn) {
    throw refusal(
      `${event.kind} on ${event.on} is dated before the subscription's last change on ${state.changedOn}`,
    );
  }
  const due = nextScheduledOn(state);
  if (due !== null && event.on > due) {
    throw refusal(
      `${event.kind} on ${event.on} comes after what is due on ${due} for a ${state.status} subscription; record that first`,
    );
  }
  return checked({ ...change(state, event), changedOn: event.on });
}

/** The state after a whole history, oldest event first. */
export function replayEvents(events: readonly SubscriptionEvent[]): SubscriptionState {
  const final = events.reduce<SubscriptionState | null>(applyEvent, null);
  if (!final) throw refusal('A subscription needs at least its CREATED event');
  return final;
}

function create(event: Extract<SubscriptionEvent, { kind: 'CREATED' }>): SubscriptionState {
  parseCalendarDate(event.startsOn);
  checkQuantity(event.quantity);
  if (event.startsOn < event.on) {
    throw refusal(
      `A subscription created on ${event.on} cannot start before, on ${event.startsOn}`,
    );
  }
  if (event.trial && event.plan.trialDays <= 0) {
    throw refusal(`${planLabel(event.plan)} offers no trial`);
  }
  const trialEndsOn = event.trial ? addDays(event.startsOn, event.plan.trialDays) : null;
  return {
    status: 'FUTURE',
    plan: event.plan,
    quantity: event.quantity,
    amount: amountOf(event.plan, event.quantity),
    startsOn: event.startsOn,
    activatedOn: null,
    trialEndsOn,
    currentTermStartsOn: null,
    currentTermEndsOn: null,
    nextRenewalOn: trialEndsOn ?? event.startsOn,
    cancelledOn: null,
    pausedOn: null,
    changedOn: event.on,
  };
}

function change(
  state: SubscriptionState,
  event: Exclude<SubscriptionEvent, { kind: 'CREATED' }>,
): SubscriptionState {
  const { on } = event;
  const allow = (...statuses: SubscriptionStatus[]) => {
    if (!statuses.includes(state.status)) {
      const article = /^[AEIOU]/.test(state.status) ? 'An' : 'A';
      throw refusal(`${article} ${state.status} subscription cannot be ${verb(event.kind)}`);
    }
  };
  const onlyOn = (date: string | null, what: string) => {
    if (on !== date) throw refusal(`${event.kind} must be dated ${date}, ${what}; got ${on}`);
  };
  const notRenewing = { nextRenewalOn: null };

  switch (event.kind) {
    case 'TRIAL_STARTED':
      allow('FUTURE');
      if (state.trialEndsOn === null) {
        throw refusal('This subscription was created without a trial');
      }
      onlyOn(state.startsOn, 'the day it starts');
      return { ...state, status: 'TRIAL', nextRenewalOn: state.trialEndsOn };

    case 'ACTIVATED':
      allow('FUTURE', 'TRIAL');
      if (state.status === 'FUTURE') {
        if (state.trialEndsOn !== null) {
          throw refusal('A subscription created with a trial starts with TRIAL_STARTED');
        }
        onlyOn(state.startsOn, 'the day it starts');
        return startTerm(state, on);
      }
      // A trial converts on its last day at the latest; converted early, that is when it ended.
      if (on <= state.startsOn) throw refusal('A trial cannot convert on the day it starts');
      return { ...startTerm(state, on), trialEndsOn: on };

    case 'RENEWED':
      allow('LIVE');
      onlyOn(state.nextRenewalOn, 'its renewal date');
      return startTerm(state, on);

    case 'UPGRADED':
    case 'DOWNGRADED':
      allow('TRIAL', 'LIVE');
      return changePlan(state, event);

    case 'PAYMENT_FAILED':
      // A retry that fails again keeps it in dunning.
      allow('LIVE', 'DUNNING');
      return { ...state, status: 'DUNNING' };

    case 'PAYMENT_RECOVERED':
      allow('DUNNING', 'UNPAID');
      if (state.currentTermEndsOn === null || on > state.currentTermEndsOn) {
        throw refusal(
          `The term ended on ${state.currentTermEndsOn}; a payment recovered on ${on} cannot keep it; reactivate it instead`,
        );
      }
      return { ...state, status: 'LIVE', nextRenewalOn: addDays(state.currentTermEndsOn, 1) };

    case 'MARKED_UNPAID':
      allow('DUNNING');
      return { ...state, ...notRenewing, status: 'UNPAID' };

    case 'PAUSED':
      allow('LIVE');
      return { ...state, ...notRenewing, status: 'PAUSED', pausedOn: on };

    case 'RESUMED':
      // Billing starts again with a new term from the day it resumes.
      allow('PAUSED');
      return startTerm({ ...state, pausedOn: null }, on);

    case 'CANCELLATION_SCHEDULED':
      allow('LIVE');
      return { ...state, ...notRenewing, status: 'NON_RENEWING' };

    case 'CANCELLED':
      allow('FUTURE', 'TRIAL', 'LIVE', 'NON_RENEWING', 'DUNNING', 'UNPAID', 'PAUSED');
      return { ...state, ...notRenewing, status: 'CANCELLED', cancelledOn: on, pausedOn: null };

    case 'EXPIRED':
      allow('NON_RENEWING', 'TRIAL');
      onlyOn(nextScheduledOn(state), state.status === 'TRIAL' ? 'its trial end' : 'its term end');
      return { ...state, ...notRenewing, status: 'EXPIRED' };

    case 'REACTIVATED':
      allow('CANCELLED', 'EXPIRED');
      return startTerm({ ...state, cancelledOn: null }, on);
  }
}

/** LIVE with a new term from `on`; the first one also activates the subscription. */
function startTerm(state: SubscriptionState, on: string): SubscriptionState {
  const endsOn = termEndsOn(on, state.plan);
  return {
    ...state,
    status: 'LIVE',
    activatedOn: state.activatedOn ?? on,
    currentTermStartsOn: on,
    currentTermEndsOn: endsOn,
    nextRenewalOn: addDays(endsOn, 1),
  };
}

/**
 * Another plan or quantity for the rest of the term; the new amount is billed from the next
 * renewal. Only plans of the same cadence are offered, so the term keeps its length.
 */
function changePlan(
  state: SubscriptionState,
  event: Extract<SubscriptionEvent, { kind: 'UPGRADED' | 'DOWNGRADED' }>,
): SubscriptionState {
  const { plan, quantity } = event;
  checkQuantity(quantity);
  if (plan.interval !== state.plan.interval || plan.intervalCount !== state.plan.intervalCount) {
    throw refusal(
      `${planLabel(plan)} is billed ${cadence(plan)}, the subscription ${cadence(state.plan)}: changing the cadence is not supported`,
    );
  }
  const amount = amountOf(plan, quantity);
  const upgrade = event.kind === 'UPGRADED';
  if (upgrade ? amount <= state.amount : amount >= state.amount) {
    throw refusal(
      `${amount} per term instead of ${state.amount} is not ${upgrade ? 'an upgrade' : 'a downgrade'}`,
    );
  }
  return { ...state, plan, quantity, amount };
}

function checkQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw refusal(`quantity must be a whole number of at least 1, got ${quantity}`);
  }
}

// --- Invariants ------------------------------------------------------------------------------------

/**
 * What is wrong with a state, if anything; the subscription table's CHECK constraints say the
 * same. Every transition is checked against these, so a bug in one cannot store nonsense.
 */
export function invariantViolations(state: SubscriptionState): string[] {
  const problems: string[] = [];
  const expect = (condition: boolean, problem: string) => {
    if (!condition) problems.push(problem);
  };
  const { status } = state;
  const renews = RENEWING_STATUSES.includes(status);
  const hasTerm = state.currentTermStartsOn !== null && state.currentTermEndsOn !== null;
  expect(Number.isInteger(state.quantity) && state.quantity >= 1, 'quantity below 1');
  expect(state.amount === amountOf(state.plan, state.quantity), 'amount is not price × quantity');
  expect(
    (state.nextRenewalOn !== null) === renews,
    renews ? `${status} needs a next renewal date` : `${status} has no next renewal`,
  );
  expect(
    (state.currentTermStartsOn === null) === (state.currentTermEndsOn === null),
    'a term needs both its first and last day',
  );
  if (hasTerm) {
    expect(
      (state.currentTermStartsOn ?? '') <= (state.currentTermEndsOn ?? ''),
      'the term ends before it starts',
    );
  }
  if (state.trialEndsOn !== null) {
    expect(state.trialEndsOn > state.startsOn, 'the trial ends before the subscription starts');
  }
  if (state.activatedOn !== null) {
    expect(state.activatedOn >= state.startsOn, 'activated before the subscription starts');
  }
  if (status === 'FUTURE' || status === 'TRIAL') {
    expect(state.activatedOn === null && !hasTerm, `${status} is not activated and has no term`);
  }
  if (status === 'FUTURE') {
    expect(
      state.nextRenewalOn === (state.trialEndsOn ?? state.startsOn),
      'FUTURE is first billed when it starts, or when its trial ends',
    );
  }
  if (status === 'TRIAL') {
    expect(
      state.trialEndsOn !== null && state.nextRenewalOn === state.trialEndsOn,
      'TRIAL is first billed when its trial ends',
    );
  }
  if (ACTIVE_STATUSES.includes(status)) {
    expect(state.activatedOn !== null && hasTerm, `${status} is activated and has a term`);
  }
  if ((status === 'LIVE' || status === 'DUNNING') && state.currentTermEndsOn !== null) {
    expect(
      state.nextRenewalOn === addDays(state.currentTermEndsOn, 1),
      `${status} renews the day after its term ends`,
    );
  }
  expect(
    (state.cancelledOn !== null) === (status === 'CANCELLED'),
    'cancelledOn is set iff CANCELLED',
  );
  expect((state.pausedOn !== null) === (status === 'PAUSED'), 'pausedOn is set iff PAUSED');
  return problems;
}

function checked(state: SubscriptionState): SubscriptionState {
  const problems = invariantViolations(state);
  // Reaching this is a bug in the transitions above, not a refused event.
  if (problems.length > 0) throw new Error(`inconsistent subscription: ${problems.join('; ')}`);
  return state;
}

// --- Wording -----------------------------------------------------------------------------------------

const VERBS: Record<ActivityKind, string> = {
  CREATED: 'created',
  TRIAL_STARTED: 'started on a trial',
  ACTIVATED: 'activated',
  RENEWED: 'renewed',
  UPGRADED: 'upgraded',
  DOWNGRADED: 'downgraded',
  PAYMENT_FAILED: 'charged',
  PAYMENT_RECOVERED: 'paid up',
  MARKED_UNPAID: 'marked unpaid',
  PAUSED: 'paused',
  RESUMED: 'resumed',
  CANCELLATION_SCHEDULED: 'set to cancel at the end of its term',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
  REACTIVATED: 'reactivated',
};

function verb(kind: ActivityKind): string {
  return VERBS[kind];
}

function refusal(message: string): SubscriptionTransitionError {
  return new SubscriptionTransitionError(message);
}

/**
 * The activity line of a transition, e.g. "Upgraded from Starter (monthly) to Pro (monthly)" or
 * "Renewed for 1 month: ¥3,000". `money` formats an amount in the organization's currency.
 */
export function describeTransition(
  before: SubscriptionState | null,
  after: SubscriptionState,
  event: SubscriptionEvent,
  money: (amount: number) => string,
): string {
  const label = (state: SubscriptionState) =>
    `${state.quantity === 1 ? '' : `${state.quantity} × `}${planLabel(state.plan)}`;
  const perTerm = `${money(after.amount)} per ${termLength(after.plan).replace(/^1 /, '')}`;
  switch (event.kind) {
    case 'CREATED':
      return after.trialEndsOn
        ? `Created on ${label(after)} with a trial until ${after.trialEndsOn}`
        : `Created on ${label(after)} for ${perTerm}, starting ${after.startsOn}`;
    case 'TRIAL_STARTED':
      return `Trial of ${planLabel(after.plan)} started, ending ${after.trialEndsOn}`;
    case 'ACTIVATED':
      return `Activated on ${label(after)}: ${perTerm}`;
    case 'RENEWED':
      return `Renewed for ${termLength(after.plan)}: ${money(after.amount)}`;
    case 'UPGRADED':
    case 'DOWNGRADED':
      return `${event.kind === 'UPGRADED' ? 'Upgraded' : 'Downgraded'} from ${label(before ?? after)} to ${label(after)}`;
    case 'PAYMENT_FAILED':
      return before?.status === 'DUNNING'
        ? `Retry of the ${money(after.amount)} payment failed`
        : `Payment of ${money(after.amount)} failed`;
    case 'PAYMENT_RECOVERED':
      return `Payment of ${money(after.amount)} recovered`;
    case 'MARKED_UNPAID':
      return 'Marked unpaid after the payment retries failed';
    case 'PAUSED':
      return 'Paused';
    case 'RESUMED':
      return `Resumed: ${perTerm}`;
    case 'CANCELLATION_SCHEDULED':
      return `Set to cancel at the end of the term on ${after.currentTermEndsOn}`;
    case 'CANCELLED':
      return before?.status === 'FUTURE'
        ? 'Cancelled before it started'
        : before?.status === 'TRIAL'
          ? 'Cancelled during the trial'
          : before?.status === 'UNPAID'
            ? 'Cancelled while unpaid'
            : 'Cancelled';
    case 'EXPIRED':
      return before?.status === 'TRIAL'
        ? 'Trial ended without activation'
        : 'Expired at the end of its term';
    case 'REACTIVATED':
      return `Reactivated on ${label(after)}: ${perTerm}`;
  }
}
