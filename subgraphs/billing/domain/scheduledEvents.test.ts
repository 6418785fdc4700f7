import {
  dueSteps,
  MAX_STEPS_PER_SWEEP,
  paymentTermsDays,
  scheduledEvent,
  stepOccurredAt,
  termInvoice,
} from './scheduledEvents';
import {
  type PlanTerms,
  replayEvents,
  type SubscriptionEvent,
  type SubscriptionState,
} from './subscriptionLifecycle';

const STARTER: PlanTerms = {
  id: 'starter',
  name: 'Starter',
  price: 1500,
  interval: 'MONTH',
  intervalCount: 1,
  trialDays: 14,
};
const PRO_YEARLY: PlanTerms = {
  id: 'pro-y',
  name: 'Pro',
  price: 40000,
  interval: 'YEAR',
  intervalCount: 1,
  trialDays: 0,
};

function subscription(trial: boolean, ...later: SubscriptionEvent[]): SubscriptionState {
  return replayEvents([
    {
      kind: 'CREATED',
      on: '2026-03-01',
      plan: STARTER,
      quantity: 2,
      startsOn: '2026-03-15',
      trial,
    },
    ...later,
  ]);
}

/** Activated on 2026-03-15: its first term ends 2026-04-14 and it renews 2026-04-15. */
const live = () => subscription(false, { kind: 'ACTIVATED', on: '2026-03-15' });

const kindsAndDates = (steps: ReturnType<typeof dueSteps>) =>
  steps.map((step) => `${step.event.kind} ${step.event.on}`);

describe('scheduledEvent', () => {
  it('starts a future subscription, with its trial when it has one', () => {
    expect(scheduledEvent(subscription(false))).toEqual({ kind: 'ACTIVATED', on: '2026-03-15' });
    expect(scheduledEvent(subscription(true))).toEqual({
      kind: 'TRIAL_STARTED',
      on: '2026-03-15',
    });
  });

  it('converts a trial when it ends, renews a live one and expires a non-renewing one', () => {
    const trial = subscription(true, { kind: 'TRIAL_STARTED', on: '2026-03-15' });
    expect(scheduledEvent(trial)).toEqual({ kind: 'ACTIVATED', on: '2026-03-29' });
    expect(scheduledEvent(live())).toEqual({ kind: 'RENEWED', on: '2026-04-15' });
    const ending = subscription(
      false,
      { kind: 'ACTIVATED', on: '2026-03-15' },
      { kind: 'CANCELLATION_SCHEDULED', on: '2026-03-20' },
    );
    expect(scheduledEvent(ending)).toEqual({ kind: 'EXPIRED', on: '2026-04-15' });
  });

  it('leaves dunning to the payment provider and has nothing for the other statuses', () => {
    const failed = { kind: 'PAYMENT_FAILED', on: '2026-04-15' } as const;
    const renewed = { kind: 'RENEWED', on: '2026-04-15' } as const;
    const activated = { kind: 'ACTIVATED', on: '2026-03-15' } as const;
    expect(scheduledEvent(subscription(false, activated, renewed, failed))).toBeNull();
    expect(
      scheduledEvent(
        subscription(false, activated, renewed, failed, {
          kind: 'MARKED_UNPAID',
          on: '2026-04-20',
        }),
      ),
    ).toBeNull();
    expect(
      scheduledEvent(subscription(false, activated, { kind: 'PAUSED', on: '2026-04-01' })),
    ).toBeNull();
    expect(scheduledEvent(subscription(false, { kind: 'CANCELLED', on: '2026-03-10' }))).toBeNull();
  });
});

describe('dueSteps', () => {
  it('is empty before anything is due, so a second sweep on the same day does nothing', () => {
    expect(dueSteps(live(), '2026-04-14')).toEqual([]);
    const steps = dueSteps(live(), '2026-04-15');
    expect(kindsAndDates(steps)).toEqual(['RENEWED 2026-04-15']);
    expect(dueSteps(steps[0].after, '2026-04-15')).toEqual([]);
  });

  it('renews a subscription several terms behind term by term', () => {
    const steps = dueSteps(live(), '2026-07-01');
    expect(kindsAndDates(steps)).toEqual([
      'RENEWED 2026-04-15',
      'RENEWED 2026-05-15',
      'RENEWED 2026-06-15',
    ]);
    // Each step starts from the state the one before left.
    expect(steps[1].before).toBe(steps[0].after);
    expect(steps[2].after).toMatchObject({
      status: 'LIVE',
      currentTermStartsOn: '2026-06-15',
      currentTermEndsOn: '2026-07-14',
      nextRenewalOn: '2026-07-15',
      changedOn: '2026-06-15',
    });
  });

  it('walks a future subscription through its trial into its first term', () => {
    const steps = dueSteps(subscription(true), '2026-04-20');
    expect(kindsAndDates(steps)).toEqual(['TRIAL_STARTED 2026-03-15', 'ACTIVATED 2026-03-29']);
    expect(steps[1].after).toMatchObject({
      status: 'LIVE',
      activatedOn: '2026-03-29',
      trialEndsOn: '2026-03-29',
      currentTermStartsOn: '2026-03-29',
      currentTermEndsOn: '2026-04-28',
    });
  });

  it('expires a non-renewing subscription the day after its term and then stops', () => {
    const ending = subscription(
      false,
      { kind: 'ACTIVATED', on: '2026-03-15' },
      { kind: 'CANCELLATION_SCHEDULED', on: '2026-03-20' },
    );
    expect(dueSteps(ending, '2026-04-14')).toEqual([]);
    const steps = dueSteps(ending, '2027-01-01');
    expect(kindsAndDates(steps)).toEqual(['EXPIRED 2026-04-15']);
    expect(steps[0].after).toMatchObject({
      status: 'EXPIRED',
      nextRenewalOn: null,
      currentTermEndsOn: '2026-04-14',
    });
  });

  it('stops at the cap; the next sweep goes on from there', () => {
    const steps = dueSteps(live(), '2036-01-01');
    expect(steps).toHaveLength(MAX_STEPS_PER_SWEEP);
    expect(steps[MAX_STEPS_PER_SWEEP - 1].event.on).toBe('2029-03-15');
    expect(kindsAndDates(dueSteps(steps[MAX_STEPS_PER_SWEEP - 1].after, '2036-01-01', 1))).toEqual([
      'RENEWED 2029-04-15',
    ]);
  });

  it('refuses, through applyEvent, a history that already went past what is due', () => {
    // Its last change is dated after the renewal it never recorded.
    const inconsistent: SubscriptionState = { ...live(), changedOn: '2026-04-20' };
    expect(() => dueSteps(inconsistent, '2026-05-01')).toThrow(/dated before/);
  });
});

describe('stepOccurredAt', () => {
  it('is the start of the day, after the previous activity when that was later the same day', () => {
    expect(stepOccurredAt('2026-04-15', null)).toEqual(new Date('2026-04-15T00:00:00Z'));
    expect(stepOccurredAt('2026-04-15', new Date('2026-03-15T10:00:00Z'))).toEqual(
      new Date('2026-04-15T00:00:00Z'),
    );
    expect(stepOccurredAt('2026-04-15', new Date('2026-04-15T10:00:00Z'))).toEqual(
      new Date('2026-04-15T10:00:00.001Z'),
    );
  });
});

describe('term invoices', () => {
  it('bill the term started: the plan for the term, its quantity at the plan price', () => {
    const [renewal] = dueSteps(live(), '2026-04-15');
    expect(termInvoice(renewal.after, '2026-04-15', 0)).toEqual({
      issuedOn: '2026-04-15',
      dueOn: '2026-04-15',
      line: {
        description: 'Starter (monthly), 2026-04-15 to 2026-05-14',
        quantity: 2,
        rate: 1500,
        amount: 3000,
      },
    });
    const yearly = replayEvents([
      {
        kind: 'CREATED',
        on: '2026-01-31',
        plan: PRO_YEARLY,
        quantity: 1,
        startsOn: '2026-01-31',
        trial: false,
      },
      { kind: 'ACTIVATED', on: '2026-01-31' },
    ]);
    expect(termInvoice(yearly, '2026-01-31', 30)).toMatchObject({
      dueOn: '2026-03-02',
      line: { description: 'Pro (yearly), 2026-01-31 to 2027-01-30', amount: 40000 },
    });
  });

  it('are refused for a subscription without a term', () => {
    expect(() => termInvoice(subscription(false), '2026-03-15', 0)).toThrow(/no term/);
  });

  it('give the customer the days the last invoice gave, or the default without one', () => {
    expect(paymentTermsDays({ issuedOn: '2026-03-15', dueOn: '2026-03-15' }, 30)).toBe(0);
    expect(paymentTermsDays({ issuedOn: '2026-03-15', dueOn: '2026-04-14' }, 14)).toBe(30);
    expect(paymentTermsDays(null, 30)).toBe(30);
  });
});
