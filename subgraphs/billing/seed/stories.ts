import { addDays, daysBetween } from '../../../shared/dates';
import { dayBetween, earlier, later, TODAY_DATE, YESTERDAY } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import { addIntervals, type SubscriptionEvent, termEndsOn } from '../domain/subscriptionLifecycle';
import { type CataloguePlan, RETIRED_ON } from './plans';

/**
 * How a demo subscription's life went, which decides the status it ends in. Several stories end
 * LIVE, CANCELLED or EXPIRED by different roads, so that every activity kind shows up.
 */
export const STORIES = [
  'FUTURE',
  'TRIAL',
  'LIVE',
  /** Paused for a while and resumed. */
  'LIVE_RESUMED',
  /** Cancelled and later reactivated. */
  'LIVE_REACTIVATED',
  'NON_RENEWING',
  'DUNNING',
  'UNPAID',
  'PAUSED',
  /** Cancelled in the middle of a term, often with credit for the unused rest. */
  'CANCELLED',
  /** Went unpaid and was cancelled; its last invoice is written off. */
  'CANCELLED_UNPAID',
  'CANCELLED_IN_TRIAL',
  /** Set to cancel at the end of a term, and the term has ended. */
  'EXPIRED',
  /** The trial ended without the customer paying. */
  'EXPIRED_TRIAL',
] as const;
export type Story = (typeof STORIES)[number];

export const STORY_WEIGHTS: readonly (readonly [Story, number])[] = [
  ['FUTURE', 3],
  ['TRIAL', 4],
  ['LIVE', 44],
  ['LIVE_RESUMED', 3],
  ['LIVE_REACTIVATED', 3],
  ['NON_RENEWING', 5],
  ['DUNNING', 4],
  ['UNPAID', 3],
  ['PAUSED', 3],
  ['CANCELLED', 12],
  ['CANCELLED_UNPAID', 3],
  ['CANCELLED_IN_TRIAL', 2],
  ['EXPIRED', 7],
  ['EXPIRED_TRIAL', 4],
];

/** Stories that need a plan with a trial. */
export const TRIAL_STORIES: readonly Story[] = ['TRIAL', 'CANCELLED_IN_TRIAL', 'EXPIRED_TRIAL'];
/** Stories whose payments fail, which only card payments, charged automatically, do. */
export const FAILING_STORIES: readonly Story[] = ['DUNNING', 'UNPAID', 'CANCELLED_UNPAID'];

/** One event of a subscription's life. */
export interface Step {
  event: SubscriptionEvent;
  /** For CANCELLED: the customer is credited the unused rest of the paid term. */
  credit?: boolean;
}

/** What the showcase customer's subscriptions are made to show. */
export interface StoryOptions {
  planChange?: 'UPGRADED' | 'DOWNGRADED';
  recoveredFailure?: boolean;
  /** Renewals at least, before the story's ending. */
  minRenewals?: number;
  cancellationCredit?: boolean;
}

/** Share of subscriptions on a plan with a trial that started with it. */
const TRIAL_SHARE = 0.5;
/** Share of subscriptions created some days before they started, which were FUTURE meanwhile. */
const LEAD_SHARE = 0.1;
const MAX_LEAD_DAYS = 14;
const PLAN_CHANGE_SHARE = 0.2;
/** Share of subscriptions whose payment once failed and was recovered a few days later. */
const RECOVERED_FAILURE_SHARE = 0.12;
const MAX_RECOVERY_DAYS = 10;
const CANCELLATION_CREDIT_SHARE = 0.6;
/** Days after a failed charge that it is retried, and that the subscription goes unpaid. */
const RETRY_DAYS = [3, 7] as const;
const UNPAID_AFTER_DAYS = 14;
/** Room a story's last term needs after the customer joined, for a trial and a lead time. */
const START_ROOM_DAYS = 45;
/** Random draws before a date range is searched day by day; see anchorBetween. */
const ANCHOR_TRIES = 40;

interface Context {
  random: Random;
  plan: CataloguePlan;
  /** The organization's plans, which a plan change picks from. */
  plans: readonly CataloguePlan[];
  quantity: number;
  /** The first day the subscription may have been created. */
  earliest: string;
  options: StoryOptions;
}

/**
 * The events of a subscription that lives `story` on `plan`, created on `earliest` or later and
 * with nothing later than yesterday; null when the plan leaves the story no room (a yearly plan
 * cannot have expired for a customer of a few months), so the caller tries another.
 */
export function storySteps(
  random: Random,
  story: Story,
  plan: CataloguePlan,
  plans: readonly CataloguePlan[],
  quantity: number,
  earliest: string,
  options: StoryOptions = {},
): Step[] | null {
  const ctx: Context = { random, plan, plans, quantity, earliest, options };
  const { interval, intervalCount, trialDays } = plan.terms;
  const shift = (date: string, terms: number) =>
    addIntervals(date, interval, terms * intervalCount);
  const termEnd = (start: string) => termEndsOn(start, plan.terms);
  const room = addDays(earliest, START_ROOM_DAYS);
  const lead = random.chance(LEAD_SHARE) ? random.int(1, MAX_LEAD_DAYS) : 0;
  const cancelled = (on: string): Step => ({
    event: { kind: 'CANCELLED', on },
    credit: options.cancellationCredit ?? random.chance(CANCELLATION_CREDIT_SHARE),
  });
  /** The regular history up to the last term start, which is the anchor, and the ending. */
  const ending = (anchor: string | null, steps: (anchor: string) => Step[]) => {
    const before = anchor && history(ctx, anchor);
    return before && anchor ? [...before, ...steps(anchor)] : null;
  };

  switch (story) {
    case 'FUTURE': {
      const createdOn = dayIn(random, later(earliest, addDays(TODAY_DATE, -10)), YESTERDAY);
      if (!createdOn) return null;
      const startsOn = dayBetween(random, addDays(TODAY_DATE, 1), addDays(TODAY_DATE, 30));
      return [created(ctx, createdOn, startsOn, trialDays > 0 && random.chance(TRIAL_SHARE))];
    }
    case 'TRIAL': {
      const from = later(addDays(earliest, lead), addDays(TODAY_DATE, 1 - trialDays));
      const startsOn = dayIn(random, from, YESTERDAY);
      if (!startsOn) return null;
      return [created(ctx, addDays(startsOn, -lead), startsOn, true), trialStarted(startsOn)];
    }
    case 'CANCELLED_IN_TRIAL': {
      const startsOn = dayIn(random, addDays(earliest, lead), addDays(YESTERDAY, -1));
      if (!startsOn) return null;
      const lastTrialDay = addDays(startsOn, trialDays - 1);
      return [
        created(ctx, addDays(startsOn, -lead), startsOn, true),
        trialStarted(startsOn),
        {
          event: {
            kind: 'CANCELLED',
            on: dayBetween(random, addDays(startsOn, 1), earlier(lastTrialDay, YESTERDAY)),
          },
        },
      ];
    }
    case 'EXPIRED_TRIAL': {
      const startsOn = dayIn(random, addDays(earliest, lead), addDays(YESTERDAY, -trialDays));
      if (!startsOn) return null;
      return [
        created(ctx, addDays(startsOn, -lead), startsOn, true),
        trialStarted(startsOn),
        { event: { kind: 'EXPIRED', on: addDays(startsOn, trialDays) } },
      ];
    }
    case 'LIVE':
      return ending(anchorBetween(random, later(room, shift(TODAY_DATE, -1)), YESTERDAY), () => []);
    case 'NON_RENEWING':
      return ending(
        anchorBetween(random, later(room, shift(TODAY_DATE, -1)), addDays(YESTERDAY, -1)),
        (anchor) => [
          {
            event: {
              kind: 'CANCELLATION_SCHEDULED',
              on: dayBetween(random, addDays(anchor, 1), YESTERDAY),
            },
          },
        ],
      );
    case 'DUNNING':
      return ending(
        anchorBetween(random, later(room, addDays(TODAY_DATE, -UNPAID_AFTER_DAYS + 1)), YESTERDAY),
        (anchor) => failures(anchor),
      );
    case 'UNPAID':
      return ending(
        anchorBetween(random, later(room, addDays(TODAY_DATE, -60)), addDays(TODAY_DATE, -15)),
        (anchor) => [...failures(anchor), markedUnpaid(anchor)],
      );
    case 'PAUSED':
      return ending(
        anchorBetween(random, later(room, addDays(TODAY_DATE, -150)), addDays(YESTERDAY, -1)),
        (anchor) => [
          {
            event: {
              kind: 'PAUSED',
              on: dayBetween(random, addDays(anchor, 1), earlier(termEnd(anchor), YESTERDAY)),
            },
          },
        ],
      );
    case 'CANCELLED':
      return ending(anchorBetween(random, room, addDays(YESTERDAY, -1)), (anchor) => [
        cancelled(dayBetween(random, addDays(anchor, 1), earlier(termEnd(anchor), YESTERDAY))),
      ]);
    case 'CANCELLED_UNPAID':
      return ending(anchorBetween(random, room, addDays(TODAY_DATE, -20)), (anchor) => {
        const unpaid = markedUnpaid(anchor);
        const on = dayBetween(
          random,
          addDays(unpaid.event.on, 1),
          earlier(addDays(unpaid.event.on, 45), YESTERDAY),
        );
        return [...failures(anchor), unpaid, { event: { kind: 'CANCELLED', on } }];
      });
    case 'EXPIRED':
      return ending(anchorBetween(random, room, shift(YESTERDAY, -1)), (anchor) => [
        {
          event: {
            kind: 'CANCELLATION_SCHEDULED',
            on: dayBetween(random, addDays(anchor, 1), termEnd(anchor)),
          },
        },
        { event: { kind: 'EXPIRED', on: shift(anchor, 1) } },
      ]);
    case 'LIVE_RESUMED':
    case 'LIVE_REACTIVATED': {
      // Stopped during an earlier term, then started again with a term that is current today.
      const restartOn = dayIn(random, addDays(shift(TODAY_DATE, -1), 1), YESTERDAY);
      if (!restartOn) return null;
      const stoppedOn = addDays(restartOn, -random.int(7, 60));
      const anchor = anchorBetween(
        random,
        later(room, shift(stoppedOn, -1)),
        addDays(stoppedOn, -1),
        (day) => shift(day, 1) > stoppedOn,
      );
      const resumed = story === 'LIVE_RESUMED';
      return ending(anchor, () => [
        resumed ? { event: { kind: 'PAUSED', on: stoppedOn } } : cancelled(stoppedOn),
        { event: { kind: resumed ? 'RESUMED' : 'REACTIVATED', on: restartOn } },
      ]);
    }
  }
}

/**
 * CREATED, the trial if any and ACTIVATED, then a renewal every term up to `anchor`, the start of
 * the last term; with now and then a plan change or a recovered payment failure in a term that
 * was renewed after. The number of terms is random within what the customer's time allows.
 */
function history(ctx: Context, anchor: string): Step[] | null {
  const { random, plan, options } = ctx;
  const { interval, intervalCount, trialDays } = plan.terms;
  const trial = trialDays > 0 && random.chance(TRIAL_SHARE);
  const lead = random.chance(LEAD_SHARE) ? random.int(1, MAX_LEAD_DAYS) : 0;
  const termStart = (terms: number) => addIntervals(anchor, interval, terms * intervalCount);
  const createdOnWith = (renewals: number) =>
    addDays(termStart(-renewals), -(trial ? trialDays : 0) - lead);
  // An inactive plan took no new subscriptions after it was retired.
  const latest = plan.plan.active ? YESTERDAY : addDays(RETIRED_ON, -1);
  const counts: number[] = [];
  for (let renewals = 0; createdOnWith(renewals) >= ctx.earliest; renewals += 1) {
    if (renewals >= (options.minRenewals ?? 0) && createdOnWith(renewals) <= latest) {
      counts.push(renewals);
    }
  }
  if (counts.length === 0) return null;
  const renewals = random.pick(counts);
  const activatedOn = termStart(-renewals);
  const startsOn = trial ? addDays(activatedOn, -trialDays) : activatedOn;
  const starts = Array.from({ length: renewals + 1 }, (_, index) => termStart(index - renewals));

  const steps: Step[] = [created(ctx, addDays(startsOn, -lead), startsOn, trial)];
  if (trial) steps.push(trialStarted(startsOn));
  starts.forEach((on, index) =>
    steps.push({ event: { kind: index === 0 ? 'ACTIVATED' : 'RENEWED', on } }),
  );

  // Terms followed by a renewal, in random order: each gets at most one of the extras.
  const terms = random.sample(
    Array.from({ length: renewals }, (_, index) => index),
    renewals,
  );
  const wantsChange = options.planChange ?? random.chance(PLAN_CHANGE_SHARE);
  const wantsFailure = options.recoveredFailure ?? random.chance(RECOVERED_FAILURE_SHARE);
  if (wantsChange) {
    const term = terms.pop();
    const change =
      term === undefined
        ? null
        : planChange(
            ctx,
            dayBetween(random, addDays(starts[term], 1), addDays(starts[term + 1], -1)),
          );
    if (change) steps.push(change);
    else if (options.planChange) return null;
  }
  if (wantsFailure) {
    const term = terms.pop();
    if (term !== undefined) steps.push(...recoveredFailure(ctx, starts[term]));
    else if (options.recoveredFailure) return null;
  }
  // Stable: an extra on the day of a renewal stays after it.
  return steps.sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : 0));
}

function created(ctx: Context, on: string, startsOn: string, trial: boolean): Step {
  return {
    event: { kind: 'CREATED', on, plan: ctx.plan.terms, quantity: ctx.quantity, startsOn, trial },
  };
}

function trialStarted(on: string): Step {
  return { event: { kind: 'TRIAL_STARTED', on } };
}

/** The charge of the term starting on `on` fails, and so do the retries that are due by today. */
function failures(on: string): Step[] {
  return [0, ...RETRY_DAYS]
    .map((days) => addDays(on, days))
    .filter((day) => day <= YESTERDAY)
    .map((day): Step => ({ event: { kind: 'PAYMENT_FAILED', on: day } }));
}

function markedUnpaid(failedOn: string): Step & { event: { on: string } } {
  return { event: { kind: 'MARKED_UNPAID', on: addDays(failedOn, UNPAID_AFTER_DAYS) } };
}

/** The charge of a term fails, perhaps once more, and is paid a few days later. */
function recoveredFailure(ctx: Context, termStartsOn: string): Step[] {
  const recovery = ctx.random.int(1, MAX_RECOVERY_DAYS);
  const failed = failures(termStartsOn).filter(
    (step) => daysBetween(termStartsOn, step.event.on) < recovery,
  );
  return [...failed, { event: { kind: 'PAYMENT_RECOVERED', on: addDays(termStartsOn, recovery) } }];
}

/**
 * A plan or quantity change of the same cadence on `on`: an upgrade to a higher tier or more
 * units, or a downgrade the other way, as the showcase asks or at random; null when there is
 * none to make.
 */
function planChange(ctx: Context, on: string): Step | null {
  const { random, plan, quantity, options } = ctx;
  const sameCadence = ctx.plans.filter(
    (other) =>
      other.plan.active &&
      other.terms.interval === plan.terms.interval &&
      other.terms.intervalCount === plan.terms.intervalCount,
  );
  const ups = [
    ...sameCadence
      .filter((other) => other.tier > plan.tier)
      .map((other) => [other, quantity] as const),
    [plan, quantity + random.int(1, 3)] as const,
  ];
  const downs = [
    ...sameCadence
      .filter((other) => other.tier < plan.tier)
      .map((other) => [other, quantity] as const),
    ...(quantity > 1 ? [[plan, random.int(1, quantity - 1)] as const] : []),
  ];
  const kind =
    options.planChange ?? (downs.length > 0 && random.chance(0.35) ? 'DOWNGRADED' : 'UPGRADED');
  const choices = kind === 'UPGRADED' ? ups : downs;
  if (choices.length === 0) return null;
  const [target, units] = random.pick(choices);
  return { event: { kind, on, plan: target.terms, quantity: units } };
}

/** A random day in [from, to], or null when the range is empty. */
function dayIn(random: Random, from: string, to: string): string | null {
  return from <= to ? dayBetween(random, from, to) : null;
}

/**
 * A day in [from, to] that `accept`s and is no later than the 28th, so that whole terms counted
 * back from it and forward again land on it: no month is too short for it. Null when there is
 * none. A few random draws nearly always find one; the day-by-day search settles the rest.
 */
function anchorBetween(
  random: Random,
  from: string,
  to: string,
  accept: (day: string) => boolean = () => true,
): string | null {
  if (from > to) return null;
  const fits = (day: string) => Number(day.slice(8)) <= 28 && accept(day);
  for (let attempt = 0; attempt < ANCHOR_TRIES; attempt += 1) {
    const day = dayBetween(random, from, to);
    if (fits(day)) return day;
  }
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (fits(day)) days.push(day);
  return days.length > 0 ? random.pick(days) : null;
}
