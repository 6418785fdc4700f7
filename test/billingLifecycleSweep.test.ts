import { addDays } from '../shared/dates';
import { formatMoney } from '../shared/money';
import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { openJobQueue } from '../shared/jobs/queue';
import { scheduledQueue, startWorkers } from '../shared/jobs/workers';
import { logger } from '../shared/logger';
import { billingJobs } from '../subgraphs/billing/jobs';
import {
  LIFECYCLE_SWEEP_CRON,
  lifecycleSweep,
  sweepBillingLifecycle,
  type SweepOutcome,
} from '../subgraphs/billing/jobs/lifecycleSweep';
import { expectNoErrors, sqlOn, unique } from './expectations';
import { Graph, startGraph } from './harness';

/**
 * BIL-3/BIL-4 as the days pass: the lifecycle sweep moves subscriptions on and marks overdue
 * invoices, through the real database, and the gateway shows the result.
 *
 * Everything is made for one test customer (with no desk contact, so no panel shows it) in the
 * integration's organization, where billingSubscription can see it, and the sweep is run only for
 * that customer: demo rows, and what other suites make at the same time, are never swept. Its
 * `now` is fixed: the seed's clock, 2026-10-30. afterAll removes what the file made and gives the
 * invoice numbers it used back when nobody took one since.
 */

const NOW = new Date('2026-10-30T09:00:00Z');
const TODAY = '2026-10-30';

interface PlanRow {
  id: string;
  name: string;
  price: string;
  trial_days: number;
}

interface SubscriptionRow {
  id: string;
  status: string;
  activated_on: string | null;
  trial_ends_on: string | null;
  current_term_starts_on: string | null;
  current_term_ends_on: string | null;
  next_renewal_on: string | null;
}

interface InvoiceRow {
  number: string;
  subscription_id: string | null;
  ticket_id: string | null;
  issued_on: string;
  due_on: string;
  status: string;
  total: string;
  currency: string;
  created_by: string | null;
  description: string;
  quantity: number;
  rate: string;
  amount: string;
}

const log = logger('test');

describe('BIL-3: the lifecycle sweep moves subscriptions and invoices on by themselves', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.billing);

  let organizationId: string;
  let currency: string;
  let customerId: string;
  /** A monthly plan without a trial, and one with a trial. */
  let plain: PlanRow;
  let trial: PlanRow;
  let invoiceSequenceBefore: number | null;
  const ids = {
    live: randomUUID(),
    trial: randomUUID(),
    nonRenewing: randomUUID(),
    future: randomUUID(),
    futureTrial: randomUUID(),
    dunning: randomUUID(),
  };
  const invoiceIds = {
    paid: randomUUID(),
    pastDue: randomUUID(),
    dueToday: randomUUID(),
    partlyPaid: randomUUID(),
  };
  let first: SweepOutcome;

  const money = (amount: number) => formatMoney(amount, currency);
  const label = (plan: PlanRow) => `${plan.name} (monthly)`;
  const instant = (date: string, time = '10:00:00') => `${date}T${time}Z`;
  const sweep = (now = NOW) =>
    sweepBillingLifecycle(graph.dataSources.billing, log, now, { customerIds: [customerId] });

  const subscription = async (id: string): Promise<SubscriptionRow> => {
    const [row] = await sql<SubscriptionRow>(
      `SELECT id, status, activated_on::text, trial_ends_on::text,
         current_term_starts_on::text, current_term_ends_on::text, next_renewal_on::text
       FROM billing.subscription WHERE id = $1`,
      [id],
    );
    return row;
  };
  /** Its activities after the ones the test wrote, oldest first. */
  const newActivities = (id: string) =>
    sql<{ kind: string; occurred_at: Date; summary: string }>(
      `SELECT kind, occurred_at, summary FROM billing.subscription_activity
       WHERE subscription_id = $1 AND summary NOT LIKE 'test:%' ORDER BY occurred_at`,
      [id],
    );
  /** The invoices the sweep issued for it, by issue date, with their one line. */
  const termInvoices = (id: string) =>
    sql<InvoiceRow>(
      `SELECT i.number, i.subscription_id, i.ticket_id, i.issued_on::text, i.due_on::text,
         i.status, i.total, i.currency, i.created_by, l.description, l.quantity, l.rate, l.amount
       FROM billing.invoice i JOIN billing.invoice_line l ON l.invoice_id = i.id
       WHERE i.subscription_id = $1 AND i.number LIKE 'INV-%' ORDER BY i.issued_on`,
      [id],
    );
  /** Everything of the test customer the sweep could write, as text to compare. */
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        sql('SELECT * FROM billing.subscription WHERE customer_id = $1 ORDER BY id', [customerId]),
        sql('SELECT * FROM billing.subscription_activity WHERE customer_id = $1 ORDER BY id', [
          customerId,
        ]),
        sql('SELECT * FROM billing.invoice WHERE customer_id = $1 ORDER BY id', [customerId]),
        sql(
          `SELECT l.* FROM billing.invoice_line l JOIN billing.invoice i ON i.id = l.invoice_id
           WHERE i.customer_id = $1 ORDER BY l.id`,
          [customerId],
        ),
      ]),
    );

  async function insertSubscription(
    id: string,
    plan: PlanRow,
    quantity: number,
    row: {
      status: string;
      startsOn: string;
      activatedOn?: string;
      trialEndsOn?: string;
      term?: [string, string];
      nextRenewalOn?: string;
    },
    history: [kind: string, on: string][],
  ): Promise<void> {
    await sql(
      `INSERT INTO billing.subscription (id, organization_id, customer_id, number, plan_id,
         quantity, amount, currency, status, starts_on, activated_on, trial_ends_on,
         current_term_starts_on, current_term_ends_on, next_renewal_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [
        id,
        organizationId,
        customerId,
        unique('TEST-SUB'),
        plan.id,
        quantity,
        Number(plan.price) * quantity,
        currency,
        row.status,
        row.startsOn,
        row.activatedOn ?? null,
        row.trialEndsOn ?? null,
        row.term?.[0] ?? null,
        row.term?.[1] ?? null,
        row.nextRenewalOn ?? null,
        instant(history[0][1]),
      ],
    );
    for (const [kind, on] of history) {
      await sql(
        `INSERT INTO billing.subscription_activity (subscription_id, customer_id, kind, occurred_at,
           summary) VALUES ($1, $2, $3, $4, $5)`,
        [id, customerId, kind, instant(on), `test: ${kind}`],
      );
    }
  }

  async function insertInvoice(
    id: string,
    row: {
      subscriptionId?: string;
      issuedOn: string;
      dueOn: string;
      status: string;
      total: number;
    },
  ): Promise<void> {
    await sql(
      `INSERT INTO billing.invoice (id, organization_id, customer_id, subscription_id, number,
         issued_on, due_on, status, total, currency, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        organizationId,
        customerId,
        row.subscriptionId ?? null,
        unique('TEST-INV'),
        row.issuedOn,
        row.dueOn,
        row.status,
        row.total,
        currency,
        instant(row.issuedOn),
      ],
    );
    await sql(
      `INSERT INTO billing.invoice_line (invoice_id, position, description, quantity, rate, amount)
       VALUES ($1, 1, 'test line', 1, $2, $2)`,
      [id, row.total],
    );
  }

  beforeAll(async () => {
    graph = await startGraph();
    [{ organization_id: organizationId, currency }] = await sql<{
      organization_id: string;
      currency: string;
    }>(
      `SELECT i.organization_id, o.currency FROM billing.integration i
       JOIN billing.organization o ON o.id = i.organization_id`,
    );
    const plans = await sql<PlanRow>(
      `SELECT id, name, price, trial_days FROM billing.plan
       WHERE organization_id = $1 AND "interval" = 'MONTH' AND interval_count = 1 ORDER BY code`,
      [organizationId],
    );
    const withoutTrial = plans.find((plan) => plan.trial_days === 0);
    const withTrial = plans.find((plan) => plan.trial_days > 0);
    if (!withoutTrial || !withTrial) throw new Error('the demo organization lacks monthly plans');
    [plain, trial] = [withoutTrial, withTrial];
    [{ id: customerId }] = await sql<{ id: string }>(
      `INSERT INTO billing.customer (organization_id, name, email)
       VALUES ($1, 'Sweep Test', $2) RETURNING id`,
      [organizationId, `${unique('sweep').replace(' ', '-')}@example.test`],
    );
    const [sequence] = await sql<{ next_value: number }>(
      `SELECT next_value FROM billing.document_sequence WHERE organization_id = $1 AND kind = 'INV'`,
      [organizationId],
    );
    invoiceSequenceBefore = sequence?.next_value ?? null;

    // Its renewal on 09-15 is two terms behind; paid by transfer, so its invoices get 30 days.
    await insertSubscription(
      ids.live,
      plain,
      2,
      {
        status: 'LIVE',
        startsOn: '2026-08-15',
        activatedOn: '2026-08-15',
        term: ['2026-08-15', '2026-09-14'],
        nextRenewalOn: '2026-09-15',
      },
      [
        ['CREATED', '2026-08-10'],
        ['ACTIVATED', '2026-08-15'],
      ],
    );
    await insertInvoice(invoiceIds.paid, {
      subscriptionId: ids.live,
      issuedOn: '2026-08-15',
      dueOn: '2026-09-14',
      status: 'PAID',
      total: Number(plain.price) * 2,
    });
    // Its trial ended on 10-25.
    const trialStartsOn = addDays('2026-10-25', -trial.trial_days);
    await insertSubscription(
      ids.trial,
      trial,
      1,
      {
        status: 'TRIAL',
        startsOn: trialStartsOn,
        trialEndsOn: '2026-10-25',
        nextRenewalOn: '2026-10-25',
      },
      [
        ['CREATED', addDays(trialStartsOn, -1)],
        ['TRIAL_STARTED', trialStartsOn],
      ],
    );
    // Its last term ended on 10-19.
    await insertSubscription(
      ids.nonRenewing,
      plain,
      1,
      {
        status: 'NON_RENEWING',
        startsOn: '2026-09-20',
        activatedOn: '2026-09-20',
        term: ['2026-09-20', '2026-10-19'],
      },
      [
        ['CREATED', '2026-09-20'],
        ['ACTIVATED', '2026-09-20'],
        ['CANCELLATION_SCHEDULED', '2026-10-05'],
      ],
    );
    // Starts today.
    await insertSubscription(
      ids.future,
      plain,
      3,
      { status: 'FUTURE', startsOn: TODAY, nextRenewalOn: TODAY },
      [['CREATED', '2026-10-20']],
    );
    // Should have started its trial long ago: trial, first term and a renewal are all due.
    const futureTrialStartsOn = addDays('2026-09-24', -trial.trial_days);
    await insertSubscription(
      ids.futureTrial,
      trial,
      1,
      {
        status: 'FUTURE',
        startsOn: futureTrialStartsOn,
        trialEndsOn: '2026-09-24',
        nextRenewalOn: '2026-09-24',
      },
      [['CREATED', addDays(futureTrialStartsOn, -3)]],
    );
    // Its renewal on 10-01 has passed, but the payment provider is still retrying.
    await insertSubscription(
      ids.dunning,
      plain,
      1,
      {
        status: 'DUNNING',
        startsOn: '2026-09-01',
        activatedOn: '2026-09-01',
        term: ['2026-09-01', '2026-09-30'],
        nextRenewalOn: '2026-10-01',
      },
      [
        ['CREATED', '2026-09-01'],
        ['ACTIVATED', '2026-09-01'],
        ['PAYMENT_FAILED', '2026-09-01'],
      ],
    );
    await insertInvoice(invoiceIds.pastDue, {
      issuedOn: '2026-10-06',
      dueOn: '2026-10-20',
      status: 'SENT',
      total: 1000,
    });
    await insertInvoice(invoiceIds.dueToday, {
      issuedOn: '2026-10-16',
      dueOn: TODAY,
      status: 'SENT',
      total: 1000,
    });
    await insertInvoice(invoiceIds.partlyPaid, {
      issuedOn: '2026-09-01',
      dueOn: '2026-10-01',
      status: 'PARTIALLY_PAID',
      total: 1000,
    });
    const [{ id: paymentId }] = await sql<{ id: string }>(
      `INSERT INTO billing.payment (organization_id, customer_id, number, paid_on, amount, mode)
       VALUES ($1, $2, $3, '2026-09-10', 400, 'BANK_TRANSFER') RETURNING id`,
      [organizationId, customerId, unique('TEST-PAY')],
    );
    await sql(
      `INSERT INTO billing.payment_application (payment_id, invoice_id, amount, applied_on)
       VALUES ($1, $2, 400, '2026-09-10')`,
      [paymentId, invoiceIds.partlyPaid],
    );

    // Two at once, as two workers could: between them each change is made exactly once.
    const outcomes = await Promise.all([sweep(), sweep()]);
    first = {
      today: outcomes[0].today,
      subscriptions: outcomes[0].subscriptions + outcomes[1].subscriptions,
      events: outcomes[0].events + outcomes[1].events,
      invoices: outcomes[0].invoices + outcomes[1].invoices,
      failed: outcomes[0].failed + outcomes[1].failed,
      overdue: outcomes[0].overdue + outcomes[1].overdue,
    };
  });

  afterAll(async () => {
    if (customerId) {
      const issued = await count(
        `SELECT 1 FROM billing.invoice WHERE customer_id = $1 AND number LIKE 'INV-%'`,
        [customerId],
      );
      await sql('DELETE FROM billing.payment WHERE customer_id = $1', [customerId]);
      await sql('DELETE FROM billing.invoice WHERE customer_id = $1', [customerId]);
      await sql('DELETE FROM billing.subscription WHERE customer_id = $1', [customerId]);
      await sql('DELETE FROM billing.customer WHERE id = $1', [customerId]);
      // Only if no other suite has taken a number since: otherwise the gap stays.
      if (invoiceSequenceBefore !== null) {
        await sql(
          `UPDATE billing.document_sequence SET next_value = $2
           WHERE organization_id = $1 AND kind = 'INV' AND next_value = $3`,
          [organizationId, invoiceSequenceBefore, invoiceSequenceBefore + issued],
        );
      }
    }
    await graph?.stop();
  });

  it('moves every due subscription on once and marks past-due invoices overdue', () => {
    expect(first).toEqual({
      today: TODAY,
      subscriptions: 5,
      // LIVE 2, TRIAL 1, NON_RENEWING 1, FUTURE 1, FUTURE with a trial 3.
      events: 8,
      invoices: 6,
      failed: 0,
      // The SENT and the PARTIALLY_PAID one, and two terms the sweep invoiced late.
      overdue: 4,
    });
  });

  it('renews a LIVE subscription two terms behind term by term, invoicing each term', async () => {
    expect(await subscription(ids.live)).toMatchObject({
      status: 'LIVE',
      activated_on: '2026-08-15',
      current_term_starts_on: '2026-10-15',
      current_term_ends_on: '2026-11-14',
      next_renewal_on: '2026-11-15',
    });
    const amount = Number(plain.price) * 2;
    expect(await newActivities(ids.live)).toEqual([
      {
        kind: 'RENEWED',
        occurred_at: new Date('2026-09-15T00:00:00Z'),
        summary: `Renewed for 1 month: ${money(amount)}`,
      },
      {
        kind: 'RENEWED',
        occurred_at: new Date('2026-10-15T00:00:00Z'),
        summary: `Renewed for 1 month: ${money(amount)}`,
      },
    ]);
    const invoices = await termInvoices(ids.live);
    const common = {
      subscription_id: ids.live,
      ticket_id: null,
      currency,
      created_by: null,
      quantity: 2,
      rate: plain.price,
    };
    // Its last invoice gave 30 days, so these do too; the first is overdue already.
    expect(invoices).toEqual([
      expect.objectContaining({
        ...common,
        issued_on: '2026-09-15',
        due_on: '2026-10-15',
        status: 'OVERDUE',
        description: `${label(plain)}, 2026-09-15 to 2026-10-14`,
      }),
      expect.objectContaining({
        ...common,
        issued_on: '2026-10-15',
        due_on: '2026-11-14',
        status: 'SENT',
        description: `${label(plain)}, 2026-10-15 to 2026-11-14`,
      }),
    ]);
    for (const invoice of invoices) {
      expect(Number(invoice.total)).toBe(amount);
      expect(Number(invoice.amount)).toBe(amount);
    }
  });

  it("numbers the invoices it issues in the organization's INV sequence", async () => {
    const invoices = await sql<{ subscription_id: string; number: string }>(
      `SELECT subscription_id, number FROM billing.invoice
       WHERE customer_id = $1 AND number LIKE 'INV-%' ORDER BY issued_on`,
      [customerId],
    );
    expect(invoices).toHaveLength(6);
    const values = invoices.map((invoice) => {
      expect(invoice.number).toMatch(/^INV-\d{5}$/);
      return Number(invoice.number.slice(4));
    });
    expect(new Set(values).size).toBe(6);
    if (invoiceSequenceBefore !== null) {
      expect(Math.min(...values)).toBeGreaterThanOrEqual(invoiceSequenceBefore);
    }
    // A subscription's terms are numbered in the order they started.
    for (const id of Object.values(ids)) {
      const own = invoices.filter((invoice) => invoice.subscription_id === id);
      const numbers = own.map((invoice) => invoice.number);
      expect([...numbers].sort()).toEqual(numbers);
    }
  });

  it('converts a trial on its last day and invoices its first term', async () => {
    expect(await subscription(ids.trial)).toMatchObject({
      status: 'LIVE',
      activated_on: '2026-10-25',
      trial_ends_on: '2026-10-25',
      current_term_starts_on: '2026-10-25',
      current_term_ends_on: '2026-11-24',
      next_renewal_on: '2026-11-25',
    });
    const price = Number(trial.price);
    expect(await newActivities(ids.trial)).toEqual([
      {
        kind: 'ACTIVATED',
        occurred_at: new Date('2026-10-25T00:00:00Z'),
        summary: `Activated on ${label(trial)}: ${money(price)} per month`,
      },
    ]);
    // Never invoiced before: the default 30 days.
    expect(await termInvoices(ids.trial)).toEqual([
      expect.objectContaining({
        issued_on: '2026-10-25',
        due_on: '2026-11-24',
        status: 'SENT',
        description: `${label(trial)}, 2026-10-25 to 2026-11-24`,
        quantity: 1,
      }),
    ]);
  });

  it('expires a NON_RENEWING subscription the day after its term, without an invoice', async () => {
    expect(await subscription(ids.nonRenewing)).toMatchObject({
      status: 'EXPIRED',
      current_term_starts_on: '2026-09-20',
      current_term_ends_on: '2026-10-19',
      next_renewal_on: null,
    });
    expect(await newActivities(ids.nonRenewing)).toEqual([
      {
        kind: 'EXPIRED',
        occurred_at: new Date('2026-10-20T00:00:00Z'),
        summary: 'Expired at the end of its term',
      },
    ]);
    expect(await termInvoices(ids.nonRenewing)).toEqual([]);
  });

  it('starts a FUTURE subscription on its day', async () => {
    expect(await subscription(ids.future)).toMatchObject({
      status: 'LIVE',
      activated_on: TODAY,
      current_term_starts_on: TODAY,
      current_term_ends_on: '2026-11-29',
      next_renewal_on: '2026-11-30',
    });
    expect((await newActivities(ids.future)).map((activity) => activity.kind)).toEqual([
      'ACTIVATED',
    ]);
    expect(await termInvoices(ids.future)).toEqual([
      expect.objectContaining({
        issued_on: TODAY,
        due_on: '2026-11-29',
        status: 'SENT',
        quantity: 3,
      }),
    ]);
    expect(Number((await termInvoices(ids.future))[0].total)).toBe(Number(plain.price) * 3);
  });

  it('walks a FUTURE subscription through its trial, its first term and a renewal', async () => {
    expect(await subscription(ids.futureTrial)).toMatchObject({
      status: 'LIVE',
      activated_on: '2026-09-24',
      current_term_starts_on: '2026-10-24',
      next_renewal_on: '2026-11-24',
    });
    const activities = await newActivities(ids.futureTrial);
    expect(activities.map((activity) => [activity.kind, activity.occurred_at])).toEqual([
      ['TRIAL_STARTED', new Date(`${addDays('2026-09-24', -trial.trial_days)}T00:00:00Z`)],
      ['ACTIVATED', new Date('2026-09-24T00:00:00Z')],
      ['RENEWED', new Date('2026-10-24T00:00:00Z')],
    ]);
    expect(activities[0].summary).toBe(`Trial of ${label(trial)} started, ending 2026-09-24`);
    expect(
      (await termInvoices(ids.futureTrial)).map((invoice) => [invoice.issued_on, invoice.status]),
    ).toEqual([
      ['2026-09-24', 'OVERDUE'],
      ['2026-10-24', 'SENT'],
    ]);
  });

  it('leaves a DUNNING subscription to the payment provider', async () => {
    expect(await subscription(ids.dunning)).toMatchObject({
      status: 'DUNNING',
      current_term_ends_on: '2026-09-30',
      next_renewal_on: '2026-10-01',
    });
    expect(await newActivities(ids.dunning)).toEqual([]);
    expect(await termInvoices(ids.dunning)).toEqual([]);
  });

  it('marks only sent and partly paid invoices past their due date overdue', async () => {
    const statuses = await sql<{ id: string; status: string }>(
      'SELECT id, status FROM billing.invoice WHERE id = ANY($1)',
      [Object.values(invoiceIds)],
    );
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [invoiceIds.paid]: 'PAID',
      [invoiceIds.pastDue]: 'OVERDUE',
      [invoiceIds.dueToday]: 'SENT',
      [invoiceIds.partlyPaid]: 'OVERDUE',
    });
    // No payment is invented: only the one the test made.
    expect(await count('SELECT 1 FROM billing.payment WHERE customer_id = $1', [customerId])).toBe(
      1,
    );
  });

  it('changes nothing when it runs again the same day, or twice at once', async () => {
    const before = await snapshot();
    const later = new Date('2026-10-30T21:45:00Z');
    const again = await Promise.all([sweep(later), sweep(later)]);
    for (const outcome of again) {
      expect(outcome).toEqual({
        today: TODAY,
        subscriptions: 0,
        events: 0,
        invoices: 0,
        failed: 0,
        overdue: 0,
      });
    }
    expect(await snapshot()).toBe(before);
  });

  it('shows the new state through the gateway', async () => {
    const res = await graph.query<{
      billingSubscription: {
        status: string;
        currentTermStartsOn: string;
        nextRenewalOn: string;
        invoices: { number: string; status: string; dueOn: string; total: number }[];
        activity: { kind: string; occurredAt: string; summary: string }[];
      } | null;
    }>(
      'admin',
      `query ($id: ID!) {
        billingSubscription(id: $id) {
          status currentTermStartsOn nextRenewalOn
          invoices { number status dueOn total }
          activity { kind occurredAt summary }
        }
      }`,
      { id: ids.live },
    );
    expectNoErrors(res);
    const amount = Number(plain.price) * 2;
    const numbers = (await termInvoices(ids.live)).map((invoice) => invoice.number);
    expect(res.data?.billingSubscription).toEqual({
      status: 'LIVE',
      currentTermStartsOn: '2026-10-15',
      nextRenewalOn: '2026-11-15',
      invoices: [
        { number: numbers[1], status: 'SENT', dueOn: '2026-11-14', total: amount },
        { number: numbers[0], status: 'OVERDUE', dueOn: '2026-10-15', total: amount },
        expect.objectContaining({ status: 'PAID' }),
      ],
      activity: [
        {
          kind: 'RENEWED',
          occurredAt: '2026-10-15T00:00:00.000Z',
          summary: `Renewed for 1 month: ${money(amount)}`,
        },
        expect.objectContaining({ kind: 'RENEWED', occurredAt: '2026-09-15T00:00:00.000Z' }),
        expect.objectContaining({ kind: 'ACTIVATED' }),
        expect.objectContaining({ kind: 'CREATED' }),
      ],
    });
  });

  it('is scheduled when billing starts its workers', async () => {
    const settings = config();
    const queue = scheduledQueue(billingJobs, lifecycleSweep);
    // Without supervision this queue keeps no cron of its own, so the sweep cannot fire here.
    const boss = await openJobQueue(graph.databaseUrl, settings.jobs, log, {
      supervise: false,
      application: 'billing-sweep-test',
    });
    const scheduledBefore = (await boss.getSchedules()).some((schedule) => schedule.name === queue);
    const workers = await startWorkers({
      jobs: billingJobs,
      boss,
      dataSource: graph.dataSources.billing,
      url: graph.databaseUrl,
      config: settings,
      log,
    });
    try {
      expect(queue).toBe('billing-lifecycle-sweep');
      expect(await boss.getSchedules()).toContainEqual(
        expect.objectContaining({ name: queue, cron: LIFECYCLE_SWEEP_CRON }),
      );
    } finally {
      await workers.stop();
      // Left as found: a schedule in the test database would sweep the demo data as of today.
      if (!scheduledBefore) await boss.unschedule(queue);
      await boss.stop({ graceful: true, timeout: 5_000 });
    }
  });
});
