import {
  addIntervals,
  applyEvent,
  describeTransition,
  invariantViolations,
  nextScheduledOn,
  type PlanTerms,
  replayEvents,
  type SubscriptionEvent,
  type SubscriptionState,
  SubscriptionTransitionError,
  termEndsOn,
} from './subscriptionLifecycle';

const STARTER: PlanTerms = {
  id: 'starter',
  name: 'Starter',
  price: 1500,
  interval: 'MONTH',
  intervalCount: 1,
  trialDays: 14,
};
const PRO: PlanTerms = { ...STARTER, id: 'pro', name: 'Pro', price: 4000 };
const PRO_YEARLY: PlanTerms = {
  ...PRO,
  id: 'pro-y',
  price: 40000,
  interval: 'YEAR',
  trialDays: 0,
};
const QUARTERLY: PlanTerms = { ...PRO, id: 'pro-q', intervalCount: 3, trialDays: 0 };

const yen = (amount: number) => `¥${amount.toLocaleString('en-US')}`;

function created(
  overrides: Partial<Extract<SubscriptionEvent, { kind: 'CREATED' }>> = {},
): SubscriptionEvent {
  return {
    kind: 'CREATED',
    on: '2026-03-15',
    plan: STARTER,
    quantity: 2,
    startsOn: '2026-03-15',
    trial: false,
    ...overrides,
  };
}

/** A subscription activated on 2026-03-15, in its first monthly term. */
function live(): SubscriptionState {
  return replayEvents([created(), { kind: 'ACTIVATED', on: '2026-03-15' }]);
}

function refusal(state: SubscriptionState | null, event: SubscriptionEvent): string {
  try {
    applyEvent(state, event);
  } catch (error) {
    expect(error).toBeInstanceOf(SubscriptionTransitionError);
    return (error as Error).message;
  }
  throw new Error(`${event.kind} was accepted`);
}

describe('term arithmetic', () => {
  it('ends a term the day before the same day of the next interval', () => {
    expect(termEndsOn('2026-03-15', STARTER)).toBe('2026-04-14');
    expect(termEndsOn('2026-03-15', QUARTERLY)).toBe('2026-06-14');
    expect(termEndsOn('2026-03-15', PRO_YEARLY)).toBe('2027-03-14');
  });

  it('takes the last day of a shorter month, as billing services do', () => {
    expect(addIntervals('2026-01-31', 'MONTH', 1)).toBe('2026-02-28');
    expect(addIntervals('2028-01-31', 'MONTH', 1)).toBe('2028-02-29');
    expect(addIntervals('2028-02-29', 'YEAR', 1)).toBe('2029-02-28');
    expect(addIntervals('2026-05-31', 'MONTH', -3)).toBe('2026-02-28');
    expect(addIntervals('2026-11-30', 'MONTH', 3)).toBe('2027-02-28');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addIntervals('2026-02-30', 'MONTH', 1)).toThrow(RangeError);
    expect(() => addIntervals('2026-3-1', 'YEAR', 1)).toThrow(RangeError);
  });
});

describe('applyEvent', () => {
  it('creates a FUTURE subscription first billed when it starts', () => {
    const state = applyEvent(null, created({ on: '2026-03-01' }));
    expect(state).toMatchObject({
      status: 'FUTURE',
      amount: 3000,
      startsOn: '2026-03-15',
      activatedOn: null,
      trialEndsOn: null,
      currentTermStartsOn: null,
      nextRenewalOn: '2026-03-15',
    });
    expect(nextScheduledOn(state)).toBe('2026-03-15');
  });

  it('runs a trial and bills the first term when it ends', () => {
    const future = applyEvent(null, created({ trial: true }));
    expect(future).toMatchObject({ trialEndsOn: '2026-03-29', nextRenewalOn: '2026-03-29' });
    const trial = applyEvent(future, { kind: 'TRIAL_STARTED', on: '2026-03-15' });
    expect(trial).toMatchObject({
      status: 'TRIAL',
      activatedOn: null,
      nextRenewalOn: '2026-03-29',
    });
    const converted = applyEvent(trial, { kind: 'ACTIVATED', on: '2026-03-29' });
    expect(converted).toMatchObject({
      status: 'LIVE',
      activatedOn: '2026-03-29',
      currentTermStartsOn: '2026-03-29',
      currentTermEndsOn: '2026-04-28',
      nextRenewalOn: '2026-04-29',
    });
  });

  it('ends a trial converted early on the day it converted', () => {
    const trial = replayEvents([
      created({ trial: true }),
      { kind: 'TRIAL_STARTED', on: '2026-03-15' },
    ]);
    expect(applyEvent(trial, { kind: 'ACTIVATED', on: '2026-03-20' })).toMatchObject({
      trialEndsOn: '2026-03-20',
      activatedOn: '2026-03-20',
    });
    expect(refusal(trial, { kind: 'ACTIVATED', on: '2026-03-15' })).toMatch(/day it starts/);
  });

  it('renews on the renewal date only, for a new term', () => {
    const state = live();
    expect(state).toMatchObject({ currentTermEndsOn: '2026-04-14', nextRenewalOn: '2026-04-15' });
    const renewed = applyEvent(state, { kind: 'RENEWED', on: '2026-04-15' });
    expect(renewed).toMatchObject({
      status: 'LIVE',
      activatedOn: '2026-03-15',
      currentTermStartsOn: '2026-04-15',
      currentTermEndsOn: '2026-05-14',
      nextRenewalOn: '2026-05-15',
    });
    expect(refusal(state, { kind: 'RENEWED', on: '2026-04-10' })).toMatch(/dated 2026-04-15/);
  });

  it('refuses anything after a renewal that was not recorded, and anything back in time', () => {
    expect(refusal(live(), { kind: 'PAUSED', on: '2026-04-20' })).toMatch(/record that first/);
    const renewed = applyEvent(live(), { kind: 'RENEWED', on: '2026-04-15' });
    expect(refusal(renewed, { kind: 'PAUSED', on: '2026-04-01' })).toMatch(/before/);
  });

  it('upgrades and downgrades within the cadence, keeping the term', () => {
    const upgraded = applyEvent(live(), {
      kind: 'UPGRADED',
      on: '2026-03-20',
      plan: PRO,
      quantity: 2,
    });
    expect(upgraded).toMatchObject({
      plan: PRO,
      amount: 8000,
      currentTermEndsOn: '2026-04-14',
      nextRenewalOn: '2026-04-15',
    });
    const fewer = applyEvent(upgraded, {
      kind: 'DOWNGRADED',
      on: '2026-03-25',
      plan: PRO,
      quantity: 1,
    });
    expect(fewer.amount).toBe(4000);
    expect(
      refusal(live(), { kind: 'DOWNGRADED', on: '2026-03-20', plan: PRO, quantity: 2 }),
    ).toMatch(/not a downgrade/);
    expect(
      refusal(live(), { kind: 'UPGRADED', on: '2026-03-20', plan: PRO_YEARLY, quantity: 2 }),
    ).toMatch(/cadence/);
    expect(refusal(live(), { kind: 'UPGRADED', on: '2026-03-20', plan: PRO, quantity: 0 })).toMatch(
      /quantity/,
    );
  });

  it('goes through dunning to unpaid, and recovers within the term', () => {
    const dunning = applyEvent(live(), { kind: 'PAYMENT_FAILED', on: '2026-03-15' });
    expect(dunning).toMatchObject({ status: 'DUNNING', nextRenewalOn: '2026-04-15' });
    const retried = applyEvent(dunning, { kind: 'PAYMENT_FAILED', on: '2026-03-18' });
    expect(retried.status).toBe('DUNNING');
    expect(applyEvent(retried, { kind: 'PAYMENT_RECOVERED', on: '2026-03-20' })).toMatchObject({
      status: 'LIVE',
      nextRenewalOn: '2026-04-15',
    });
    const unpaid = applyEvent(retried, { kind: 'MARKED_UNPAID', on: '2026-03-29' });
    expect(unpaid).toMatchObject({ status: 'UNPAID', nextRenewalOn: null });
    expect(nextScheduledOn(unpaid)).toBeNull();
    expect(applyEvent(unpaid, { kind: 'PAYMENT_RECOVERED', on: '2026-04-14' }).status).toBe('LIVE');
    expect(refusal(unpaid, { kind: 'PAYMENT_RECOVERED', on: '2026-04-15' })).toMatch(
      /reactivate it instead/,
    );
    expect(refusal(unpaid, { kind: 'RENEWED', on: '2026-04-15' })).toMatch(
      /UNPAID subscription cannot be renewed/,
    );
  });

  it('pauses without a renewal and resumes with a new term', () => {
    const paused = applyEvent(live(), { kind: 'PAUSED', on: '2026-04-01' });
    expect(paused).toMatchObject({ status: 'PAUSED', pausedOn: '2026-04-01', nextRenewalOn: null });
    const resumed = applyEvent(paused, { kind: 'RESUMED', on: '2026-06-10' });
    expect(resumed).toMatchObject({
      status: 'LIVE',
      pausedOn: null,
      currentTermStartsOn: '2026-06-10',
      currentTermEndsOn: '2026-07-09',
      nextRenewalOn: '2026-07-10',
    });
    expect(refusal(paused, { kind: 'UPGRADED', on: '2026-04-02', plan: PRO, quantity: 2 })).toMatch(
      /PAUSED subscription cannot be upgraded/,
    );
  });

  it('runs out a non-renewing term and expires the day after it ends', () => {
    const ending = applyEvent(live(), { kind: 'CANCELLATION_SCHEDULED', on: '2026-03-20' });
    expect(ending).toMatchObject({
      status: 'NON_RENEWING',
      currentTermEndsOn: '2026-04-14',
      nextRenewalOn: null,
    });
    expect(nextScheduledOn(ending)).toBe('2026-04-15');
    expect(refusal(ending, { kind: 'EXPIRED', on: '2026-04-14' })).toMatch(/term end/);
    expect(refusal(ending, { kind: 'RENEWED', on: '2026-04-15' })).toMatch(/cannot be renewed/);
    const expired = applyEvent(ending, { kind: 'EXPIRED', on: '2026-04-15' });
    expect(expired).toMatchObject({ status: 'EXPIRED', nextRenewalOn: null });
    const back = applyEvent(expired, { kind: 'REACTIVATED', on: '2026-05-02' });
    expect(back).toMatchObject({
      status: 'LIVE',
      activatedOn: '2026-03-15',
      currentTermStartsOn: '2026-05-02',
      nextRenewalOn: '2026-06-02',
    });
  });

  it('expires a trial that was not converted on its last day', () => {
    const trial = replayEvents([
      created({ trial: true }),
      { kind: 'TRIAL_STARTED', on: '2026-03-15' },
    ]);
    const expired = applyEvent(trial, { kind: 'EXPIRED', on: '2026-03-29' });
    expect(expired).toMatchObject({ status: 'EXPIRED', activatedOn: null, nextRenewalOn: null });
    expect(refusal(trial, { kind: 'RENEWED', on: '2026-03-29' })).toMatch(/TRIAL/);
  });

  it('cancels from any status still running, and reactivates a cancelled one', () => {
    const paused = applyEvent(live(), { kind: 'PAUSED', on: '2026-04-01' });
    const cancelled = applyEvent(paused, { kind: 'CANCELLED', on: '2026-04-05' });
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelledOn: '2026-04-05',
      pausedOn: null,
      nextRenewalOn: null,
      currentTermEndsOn: '2026-04-14',
    });
    expect(refusal(cancelled, { kind: 'CANCELLED', on: '2026-04-06' })).toMatch(
      /CANCELLED subscription cannot be cancelled/,
    );
    expect(applyEvent(cancelled, { kind: 'REACTIVATED', on: '2026-04-20' })).toMatchObject({
      status: 'LIVE',
      cancelledOn: null,
    });
    const future = applyEvent(null, created({ on: '2026-03-01' }));
    expect(applyEvent(future, { kind: 'CANCELLED', on: '2026-03-10' })).toMatchObject({
      status: 'CANCELLED',
      activatedOn: null,
      currentTermStartsOn: null,
    });
  });

  it('refuses what makes no sense at all', () => {
    expect(refusal(null, { kind: 'RENEWED', on: '2026-03-15' })).toMatch(/created before/);
    expect(refusal(live(), created())).toMatch(/only once/);
    expect(refusal(null, created({ startsOn: '2026-03-01' }))).toMatch(/cannot start before/);
    expect(refusal(null, created({ plan: PRO_YEARLY, trial: true }))).toMatch(/offers no trial/);
    expect(refusal(null, created({ quantity: 1.5 }))).toMatch(/quantity/);
    const trialCreated = applyEvent(null, created({ trial: true }));
    expect(refusal(trialCreated, { kind: 'ACTIVATED', on: '2026-03-15' })).toMatch(/TRIAL_STARTED/);
    expect(
      refusal(applyEvent(null, created()), { kind: 'TRIAL_STARTED', on: '2026-03-15' }),
    ).toMatch(/without a trial/);
  });
});

describe('invariantViolations', () => {
  it('finds nothing wrong with a state the transitions made', () => {
    expect(invariantViolations(live())).toEqual([]);
  });

  it('finds what the table constraints would refuse', () => {
    const state = live();
    expect(invariantViolations({ ...state, status: 'NON_RENEWING' })).toContain(
      'NON_RENEWING has no next renewal',
    );
    expect(invariantViolations({ ...state, status: 'PAUSED', nextRenewalOn: null })).toContain(
      'pausedOn is set iff PAUSED',
    );
    expect(invariantViolations({ ...state, nextRenewalOn: '2026-04-16' })).toContain(
      'LIVE renews the day after its term ends',
    );
    expect(invariantViolations({ ...state, amount: 1 })).toContain(
      'amount is not price × quantity',
    );
  });
});

describe('describeTransition', () => {
  it('writes the activity line of each event', () => {
    const before = live();
    const line = (event: SubscriptionEvent, from: SubscriptionState | null = before) =>
      describeTransition(from, applyEvent(from, event), event, yen);
    expect(line(created({ on: '2026-03-01' }), null)).toBe(
      'Created on 2 × Starter (monthly) for ¥3,000 per month, starting 2026-03-15',
    );
    expect(line({ kind: 'RENEWED', on: '2026-04-15' })).toBe('Renewed for 1 month: ¥3,000');
    expect(line({ kind: 'UPGRADED', on: '2026-03-20', plan: PRO, quantity: 2 })).toBe(
      'Upgraded from 2 × Starter (monthly) to 2 × Pro (monthly)',
    );
    expect(line({ kind: 'PAYMENT_FAILED', on: '2026-03-15' })).toBe('Payment of ¥3,000 failed');
    expect(line({ kind: 'CANCELLATION_SCHEDULED', on: '2026-03-20' })).toBe(
      'Set to cancel at the end of the term on 2026-04-14',
    );
    const trial = replayEvents([
      created({ trial: true }),
      { kind: 'TRIAL_STARTED', on: '2026-03-15' },
    ]);
    expect(line({ kind: 'CANCELLED', on: '2026-03-20' }, trial)).toBe('Cancelled during the trial');
    expect(line({ kind: 'EXPIRED', on: '2026-03-29' }, trial)).toBe(
      'Trial ended without activation',
    );
    const quarterly = replayEvents([
      created({ plan: QUARTERLY, quantity: 1 }),
      { kind: 'ACTIVATED', on: '2026-03-15' },
    ]);
    expect(line({ kind: 'RENEWED', on: '2026-06-15' }, quarterly)).toBe(
      'Renewed for 3 months: ¥4,000',
    );
  });
});
