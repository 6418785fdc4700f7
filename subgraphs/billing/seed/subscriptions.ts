import { addDays, daysBetween } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { calendarDate, instantOn, TODAY_DATE } from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import { prorate, subtractMoney } from '../domain/amounts';
import {
  applyEvent,
  describeTransition,
  planLabel,
  type SubscriptionState,
  TERM_STARTING_KINDS,
} from '../domain/subscriptionLifecycle';
import type { PaymentMode } from '../entities/Payment';
import type { Subscription } from '../entities/Subscription';
import type { SubscriptionActivity } from '../entities/SubscriptionActivity';
import type { CustomerRecord } from './customers';
import type { Bill, CreditDraft, Disposition } from './ledger';
import type { Catalogue, CataloguePlan } from './plans';
import {
  FAILING_STORIES,
  type Step,
  type Story,
  STORIES,
  STORY_WEIGHTS,
  type StoryOptions,
  storySteps,
  TRIAL_STORIES,
} from './stories';

/** Subscriptions per customer. */
const COUNT_WEIGHTS = [
  [1, 55],
  [2, 30],
  [3, 15],
] as const;
/** Seats, mostly one. */
const QUANTITY_WEIGHTS = [
  [1, 60],
  [2, 15],
  [3, 10],
  [5, 8],
  [10, 5],
  [25, 2],
] as const;
/** Share of subscriptions paid by bank transfer against an invoice rather than charged to a card. */
const TRANSFER_SHARE = { MONTH: 0.2, YEAR: 0.5 } as const;
/** Payment terms of invoices paid by transfer; a card is charged on the day. */
const TRANSFER_TERMS_DAYS = 30;

/** A subscription with everything its life produced. */
export interface WalkedSubscription {
  subscription: Omit<Subscription, 'number'>;
  activities: SubscriptionActivity[];
  /** Its invoices: one per term, and one per mid-term upgrade. */
  bills: Bill[];
  /** Credit for the unused part of a term, after a downgrade or a cancellation. */
  credits: CreditDraft[];
}

/** What one subscription is to show: its story, and for the showcase customer, more. */
interface Slot {
  record: CustomerRecord;
  story: Story;
  /** The plan's code; any plan that fits the story otherwise. */
  plan?: string;
  mode?: PaymentMode;
  options?: StoryOptions;
  /** What becomes of credit it earns; decided with all other credit otherwise. */
  disposition?: Disposition;
}

/**
 * The showcase customer's subscriptions: a live one that was upgraded and once failed to pay,
 * one in dunning that was downgraded before, and one cancelled with credit it has kept.
 */
const SHOWCASE: readonly Omit<Slot, 'record'>[] = [
  {
    story: 'LIVE',
    plan: 'STARTER-M',
    mode: 'CARD',
    options: { planChange: 'UPGRADED', recoveredFailure: true, minRenewals: 4 },
  },
  {
    story: 'DUNNING',
    plan: 'PRO-M',
    mode: 'CARD',
    options: { planChange: 'DOWNGRADED', recoveredFailure: false, minRenewals: 3 },
  },
  {
    story: 'CANCELLED',
    plan: 'BUSINESS-M',
    mode: 'CARD',
    options: { cancellationCredit: true, recoveredFailure: false, minRenewals: 2 },
    disposition: 'keep',
  },
];

export function generateSubscriptions(
  random: Random,
  records: readonly CustomerRecord[],
  catalogue: Catalogue,
): WalkedSubscription[] {
  const slots = records.flatMap((record): Slot[] =>
    record.showcase
      ? []
      : Array.from({ length: random.weighted(COUNT_WEIGHTS) }, () => ({
          record,
          story: random.weighted(STORY_WEIGHTS),
        })),
  );
  // Even the smallest seed shows every status and every activity kind.
  const stories = slots.map((slot) => slot.story);
  coverEveryValue(random, stories, STORIES);
  const showcase = records.find((record) => record.showcase);
  if (!showcase) throw new Error("ticket #1's contact is no customer");
  return [
    ...SHOWCASE.map((slot) => ({ ...slot, record: showcase })),
    ...slots.map((slot, index) => ({ ...slot, story: stories[index] })),
  ].map((slot) => walk(random, slot, catalogue));
}

/** Builds the slot's events on a plan that leaves them room, and walks them. */
function walk(random: Random, slot: Slot, catalogue: Catalogue): WalkedSubscription {
  const { record, story } = slot;
  const plans = catalogue.get(record.organization.id) ?? [];
  const eligible = plans.filter(
    (entry) =>
      (slot.plan === undefined || entry.plan.code === slot.plan) &&
      (!TRIAL_STORIES.includes(story) || entry.terms.trialDays > 0) &&
      (entry.plan.active || (story !== 'FUTURE' && !TRIAL_STORIES.includes(story))),
  );
  const quantity = random.weighted(QUANTITY_WEIGHTS);
  const earliest = addDays(calendarDate(record.customer.createdAt), 1);
  for (const plan of weightedOrder(random, eligible)) {
    const mode: PaymentMode =
      slot.mode ??
      (FAILING_STORIES.includes(story) || !random.chance(TRANSFER_SHARE[plan.terms.interval])
        ? 'CARD'
        : 'BANK_TRANSFER');
    // Only cards are charged automatically, so only their payments fail.
    const options = mode === 'CARD' ? slot.options : { ...slot.options, recoveredFailure: false };
    const steps = storySteps(random, story, plan, plans, quantity, earliest, options);
    if (steps) return replay(random, { ...slot, mode }, steps);
  }
  throw new Error(
    `no plan of ${record.organization.name} leaves room for a ${story} subscription of a customer since ${earliest}`,
  );
}

/** The plans in a random order that puts popular ones first more often. */
function weightedOrder(random: Random, plans: readonly CataloguePlan[]): CataloguePlan[] {
  const left = [...plans];
  const ordered: CataloguePlan[] = [];
  while (left.length > 0) {
    const next = random.weighted(left.map((plan) => [plan, plan.weight] as const));
    ordered.push(next);
    left.splice(left.indexOf(next), 1);
  }
  return ordered;
}

/** A term's invoice while the walk may still change how it is paid. */
interface Charge {
  bill: Omit<Bill, 'status' | 'settlement' | 'closedAt'>;
  mode: PaymentMode;
  paid: { on: string; at: Date; automatic: boolean } | null;
  failed: boolean;
  writtenOff: Date | null;
}

/**
 * Walks the steps through the lifecycle, which refuses any the story got wrong, writing the
 * activity of each, the invoice of each term and upgrade, and credit for unused time.
 */
function replay(
  random: Random,
  slot: Slot & { mode: PaymentMode },
  steps: readonly Step[],
): WalkedSubscription {
  const { record, mode } = slot;
  const { currency } = record.organization;
  const money = (amount: number) => formatMoney(amount, currency);
  const id = random.uuid();
  const activities: SubscriptionActivity[] = [];
  const charges: Charge[] = [];
  const credits: CreditDraft[] = [];
  let state: SubscriptionState | null = null;
  let previous: Date | null = null;
  /** The invoice of the current term, which failed payments and cancellations concern. */
  let termCharge: Charge | null = null;

  const charge = (
    on: string,
    at: Date,
    line: { description: string; quantity: number; rate: number; amount: number },
  ): Charge => {
    const paidOn = mode === 'CARD' ? on : addDays(on, random.int(0, TRANSFER_TERMS_DAYS));
    const made: Charge = {
      bill: {
        id: random.uuid(),
        record,
        subscriptionId: id,
        ticketId: null,
        createdBy: null,
        issuedOn: on,
        dueOn: mode === 'CARD' ? on : addDays(on, TRANSFER_TERMS_DAYS),
        createdAt: at,
        lines: [line],
      },
      mode,
      // A transfer due after today may not have arrived yet.
      paid:
        paidOn < TODAY_DATE
          ? { on: paidOn, at: instantOn(random, paidOn, at), automatic: true }
          : null,
      failed: false,
      writtenOff: null,
    };
    charges.push(made);
    return made;
  };
  /** `perTerm` for the days from `on` to the end of the current term of `term`. */
  const forRestOfTerm = (term: SubscriptionState, on: string, perTerm: number): number => {
    const { currentTermStartsOn: first, currentTermEndsOn: last } = term;
    if (!first || !last) return 0;
    return prorate(perTerm, daysBetween(on, last) + 1, daysBetween(first, last) + 1, currency);
  };
  /** Credit for the rest of the term, if its invoice was paid by `on`. */
  const creditUnused = (
    term: SubscriptionState,
    on: string,
    at: Date,
    perTerm: number,
    reason: string,
  ) => {
    const paidFor = termCharge;
    const total = forRestOfTerm(term, on, perTerm);
    if (!paidFor?.paid || paidFor.paid.on > on || total <= 0) return;
    credits.push({
      id: random.uuid(),
      record,
      invoiceId: paidFor.bill.id,
      issuedOn: on,
      createdAt: new Date(at.getTime() + 1000),
      total,
      reason: `${reason}: unused time from ${on} to ${term.currentTermEndsOn}`,
      disposition: slot.disposition ?? null,
      refundMode: paidFor.mode,
    });
  };

  for (const step of steps) {
    const { event } = step;
    const before: SubscriptionState | null = state;
    const after = applyEvent(before, event);
    state = after;
    const at = instantOn(random, event.on, previous);
    previous = at;
    activities.push({
      id: random.uuid(),
      subscriptionId: id,
      customerId: record.customer.id,
      kind: event.kind,
      occurredAt: at,
      summary: describeTransition(before, after, event, money),
    });

    if (TERM_STARTING_KINDS.includes(event.kind)) {
      termCharge = charge(event.on, at, {
        description: `${planLabel(after.plan)}, ${after.currentTermStartsOn} to ${after.currentTermEndsOn}`,
        quantity: after.quantity,
        rate: after.plan.price,
        amount: after.amount,
      });
    } else if (before?.status === 'LIVE' && event.kind === 'UPGRADED') {
      // The difference for the rest of the term is billed at once.
      const amount = forRestOfTerm(after, event.on, subtractMoney(after.amount, before.amount));
      if (amount > 0) {
        charge(event.on, at, {
          description: `Upgrade to ${planLabel(after.plan)} from ${event.on} to ${after.currentTermEndsOn}, prorated`,
          quantity: 1,
          rate: amount,
          amount,
        });
      }
    } else if (before?.status === 'LIVE' && event.kind === 'DOWNGRADED') {
      creditUnused(
        after,
        event.on,
        at,
        subtractMoney(before.amount, after.amount),
        `Downgraded from ${planLabel(before.plan)} to ${planLabel(after.plan)}`,
      );
    } else if (event.kind === 'PAYMENT_FAILED') {
      if (termCharge?.mode !== 'CARD') throw new Error(`${event.kind} of a payment by transfer`);
      termCharge.paid = null;
      termCharge.failed = true;
    } else if (event.kind === 'PAYMENT_RECOVERED' && termCharge) {
      termCharge.paid = { on: event.on, at: new Date(at.getTime() + 1000), automatic: false };
    } else if (event.kind === 'CANCELLED' && before) {
      if (termCharge?.failed && !termCharge.paid) {
        termCharge.writtenOff = at;
      } else if (step.credit && (before.status === 'LIVE' || before.status === 'NON_RENEWING')) {
        creditUnused(after, event.on, at, before.amount, `Cancelled ${planLabel(before.plan)}`);
      }
    }
  }

  const final = state;
  if (!final || activities.length === 0) throw new Error('a subscription without events');
  return {
    subscription: {
      id,
      organizationId: record.organization.id,
      customerId: record.customer.id,
      planId: final.plan.id,
      quantity: final.quantity,
      amount: final.amount,
      currency,
      status: final.status,
      startsOn: final.startsOn,
      activatedOn: final.activatedOn,
      trialEndsOn: final.trialEndsOn,
      currentTermStartsOn: final.currentTermStartsOn,
      currentTermEndsOn: final.currentTermEndsOn,
      nextRenewalOn: final.nextRenewalOn,
      cancelledOn: final.cancelledOn,
      pausedOn: final.pausedOn,
      createdAt: activities[0].occurredAt,
      updatedAt: activities[activities.length - 1].occurredAt,
    },
    activities,
    bills: charges.map(billOf),
    credits,
  };
}

/**
 * The invoice as the walk left it: paid, written off when the subscription was cancelled unpaid,
 * or still open, overdue once its due date has passed.
 */
function billOf({ bill, mode, paid, writtenOff }: Charge): Bill {
  if (paid) {
    return {
      ...bill,
      status: 'PAID',
      // Credit pays automatic charges first; a recovered payment was made by hand.
      settlement: { kind: 'PAID', on: paid.on, at: paid.at, mode, useCredits: paid.automatic },
      closedAt: null,
    };
  }
  if (writtenOff) return { ...bill, status: 'WRITTEN_OFF', settlement: null, closedAt: writtenOff };
  return {
    ...bill,
    status: bill.dueOn < TODAY_DATE ? 'OVERDUE' : 'SENT',
    settlement: null,
    closedAt: null,
  };
}
