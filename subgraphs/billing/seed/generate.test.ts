import { startOf, TODAY, TODAY_DATE } from '../../../shared/seed/clock';
import { type DataSource, In } from 'typeorm';
import { openAndMigrate } from '../../../shared/database/dataSource';
import { logger } from '../../../shared/logger';
import { generateDeskDemo } from '../../desk/seed/generate';
import { BILLING_SCHEMA, createBillingDataSource } from '../database';
import {
  CREDIT_NOTE_STATUSES,
  INVOICE_STATUSES,
  type Ledger,
  ledgerFigures,
  OUTSTANDING_INVOICE_STATUSES,
  sumMoney,
  toCents,
} from '../domain/amounts';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  invariantViolations,
  nextScheduledOn,
  type PlanTerms,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
  TERM_STARTING_KINDS,
} from '../domain/subscriptionLifecycle';
import { PAYMENT_MODES } from '../entities/Payment';
import {
  CreditApplication,
  CreditNote,
  Invoice,
  Payment,
  PaymentApplication,
  Refund,
  Transaction,
} from '../entities';
import { billingIsSeeded, generateBillingDemo, seedBilling } from './generate';
import { CLOUD_ORGANIZATION, LABS_ORGANIZATION } from './organizations';
import { RETIRED_ON } from './plans';

/** The scale test/globalSetup.ts seeds desk with, so customers map to contacts it inserted. */
const SCALE = 0.05;

const demo = generateBillingDemo(SCALE);
const desk = generateDeskDemo(SCALE);
const firstTicket = desk.tickets.find((ticket) => ticket.number === 1);
const [cloud, labs] = demo.organizations;

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function values<T>(rows: readonly T[], pick: (row: T) => string): Set<string> {
  return new Set(rows.map(pick));
}

/** Every row of the ledger that belongs to the given customers. */
function ledgerOf(customerIds: ReadonlySet<string>): Ledger {
  const invoices = demo.invoices.filter((invoice) => customerIds.has(invoice.customerId));
  const invoiceIds = new Set(invoices.map((invoice) => invoice.id));
  const creditNotes = demo.creditNotes.filter((note) => customerIds.has(note.customerId));
  const noteIds = new Set(creditNotes.map((note) => note.id));
  const payments = demo.payments.filter((payment) => customerIds.has(payment.customerId));
  const paymentIds = new Set(payments.map((payment) => payment.id));
  return {
    invoices,
    payments,
    creditNotes,
    paymentApplications: demo.paymentApplications.filter(
      (a) => paymentIds.has(a.paymentId) || invoiceIds.has(a.invoiceId),
    ),
    creditApplications: demo.creditApplications.filter(
      (a) => noteIds.has(a.creditNoteId) || invoiceIds.has(a.invoiceId),
    ),
    refunds: demo.refunds.filter((refund) => noteIds.has(refund.creditNoteId)),
  };
}

const figures = ledgerFigures(demo);
const plans = byId(demo.plans);
const customers = byId(demo.customers);
const currencyOf = new Map(demo.organizations.map((o) => [o.id, o.currency]));
const showcase = demo.customers.find(
  (customer) =>
    customer.organizationId === cloud.id && customer.contactId === firstTicket?.contactId,
);

/** The status each kind of event leaves a subscription in; plan changes leave it as it was. */
const STATUS_AFTER: Partial<Record<ActivityKind, SubscriptionStatus>> = {
  CREATED: 'FUTURE',
  TRIAL_STARTED: 'TRIAL',
  ACTIVATED: 'LIVE',
  RENEWED: 'LIVE',
  PAYMENT_FAILED: 'DUNNING',
  PAYMENT_RECOVERED: 'LIVE',
  MARKED_UNPAID: 'UNPAID',
  PAUSED: 'PAUSED',
  RESUMED: 'LIVE',
  CANCELLATION_SCHEDULED: 'NON_RENEWING',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
  REACTIVATED: 'LIVE',
};

describe('generateBillingDemo', () => {
  it('is identical for the same scale, ids included', () => {
    expect(generateBillingDemo(SCALE)).toEqual(demo);
  });

  it('shows every status, activity kind and payment mode at the smallest scale', () => {
    expect(values(demo.subscriptions, (s) => s.status)).toEqual(new Set(SUBSCRIPTION_STATUSES));
    expect(values(demo.activities, (a) => a.kind)).toEqual(new Set(ACTIVITY_KINDS));
    expect(values(demo.invoices, (i) => i.status)).toEqual(new Set(INVOICE_STATUSES));
    expect(values(demo.creditNotes, (n) => n.status)).toEqual(new Set(CREDIT_NOTE_STATUSES));
    expect(values(demo.payments, (p) => p.mode)).toEqual(new Set(PAYMENT_MODES));
    expect(values(demo.plans, (p) => String(p.active))).toEqual(new Set(['true', 'false']));
    expect(demo.refunds.length).toBeGreaterThan(0);
  });

  it('sets up two organizations, the integration with the first, and agent permissions', () => {
    expect([cloud.name, labs.name]).toEqual([CLOUD_ORGANIZATION, LABS_ORGANIZATION]);
    expect([cloud.currency, labs.currency]).toEqual(['JPY', 'USD']);
    expect(demo.integration).toMatchObject({ status: 'ENABLED', organizationId: cloud.id });
    const profileName = new Map(desk.staff.profiles.map((p) => [p.id, p.name]));
    expect(
      demo.profilePermissions.map(({ profileId, view, createCustomers, createInvoices }) => [
        profileName.get(profileId),
        view,
        createCustomers,
        createInvoices,
      ]),
    ).toEqual([
      ['Agent', true, true, true],
      ['New agent', true, false, false],
    ]);
  });

  it('ends every subscription in the state its history leads to', () => {
    for (const subscription of demo.subscriptions) {
      const activities = demo.activities.filter((a) => a.subscriptionId === subscription.id);
      const times = activities.map((a) => a.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(times).size).toBe(times.length);
      expect(Math.max(...times)).toBeLessThan(TODAY.getTime());
      expect(activities[0].kind).toBe('CREATED');
      expect(activities[0].occurredAt).toEqual(subscription.createdAt);
      expect(activities[activities.length - 1].occurredAt).toEqual(subscription.updatedAt);
      const last = activities.filter((a) => STATUS_AFTER[a.kind]).at(-1);
      expect({ id: subscription.id, status: last && STATUS_AFTER[last.kind] }).toEqual({
        id: subscription.id,
        status: subscription.status,
      });

      const plan = plans.get(subscription.planId);
      if (!plan) throw new Error(`no plan ${subscription.planId}`);
      // A retired plan took no new subscriptions.
      if (!plan.active) expect(subscription.createdAt < startOf(RETIRED_ON)).toBe(true);
      const terms: PlanTerms = { ...plan };
      const state = { ...subscription, plan: terms, changedOn: TODAY_DATE };
      expect(invariantViolations(state)).toEqual([]);
      // Nothing that was due before today is left unrecorded.
      expect((nextScheduledOn(state) ?? TODAY_DATE) >= TODAY_DATE).toBe(true);
      expect(subscription.currency).toBe(currencyOf.get(subscription.organizationId));
      expect(customers.get(subscription.customerId)?.organizationId).toBe(
        subscription.organizationId,
      );

      // Every term it started was invoiced on that day.
      const invoiced = new Set(
        demo.invoices.filter((i) => i.subscriptionId === subscription.id).map((i) => i.issuedOn),
      );
      for (const activity of activities) {
        if (TERM_STARTING_KINDS.includes(activity.kind)) {
          expect(invoiced.has(activity.occurredAt.toISOString().slice(0, 10))).toBe(true);
        }
      }
    }
  });

  it('totals every invoice as the sum of its lines, each quantity times rate', () => {
    for (const invoice of demo.invoices) {
      const lines = demo.invoiceLines.filter((line) => line.invoiceId === invoice.id);
      expect(lines.map((line) => line.position)).toEqual(lines.map((_, index) => index + 1));
      for (const line of lines)
        expect(toCents(line.amount)).toBe(line.quantity * toCents(line.rate));
      expect(invoice.total).toBe(sumMoney(lines.map((line) => line.amount)));
    }
  });

  it('settles every invoice as its status says', () => {
    for (const invoice of demo.invoices) {
      const { amountPaid, balanceDue } = figures.invoices.get(invoice.id) ?? {};
      const paid = toCents(amountPaid ?? NaN);
      const total = toCents(invoice.total);
      const check = { number: invoice.number, status: invoice.status, paid, total };
      expect(invoice.issuedOn <= invoice.dueOn).toBe(true);
      expect(invoice.createdAt.getTime()).toBeLessThan(TODAY.getTime());
      expect(paid).toBeLessThanOrEqual(total);
      expect(invoice.currency).toBe(currencyOf.get(invoice.organizationId));
      switch (invoice.status) {
        case 'PAID':
          expect(check).toEqual({ ...check, paid: total });
          expect(balanceDue).toBe(0);
          break;
        case 'PARTIALLY_PAID':
          expect(paid > 0 && paid < total).toBe(true);
          break;
        case 'OVERDUE':
          // Overdue invoices may have been paid in part before their due date passed.
          expect(paid).toBeLessThan(total);
          break;
        case 'WRITTEN_OFF':
          expect(paid < total).toBe(true);
          expect(balanceDue).toBe(0);
          break;
        default:
          expect(check).toEqual({ ...check, paid: 0 });
      }
      if (invoice.status === 'OVERDUE') expect(invoice.dueOn < TODAY_DATE).toBe(true);
      if (invoice.status === 'SENT' || invoice.status === 'PARTIALLY_PAID') {
        expect(invoice.dueOn >= TODAY_DATE).toBe(true);
      }
    }
  });

  it('keeps credit notes and payments within what they hold, applied after they exist', () => {
    const invoices = byId(demo.invoices);
    const notes = byId(demo.creditNotes);
    const payments = byId(demo.payments);
    for (const note of demo.creditNotes) {
      const balance = figures.creditNotes.get(note.id) ?? NaN;
      const used = [
        ...demo.creditApplications.filter((a) => a.creditNoteId === note.id),
        ...demo.refunds.filter((r) => r.creditNoteId === note.id),
      ];
      if (note.status === 'VOID') expect(used).toEqual([]);
      else
        expect({ note: note.number, open: balance > 0 }).toEqual({
          note: note.number,
          open: note.status === 'OPEN',
        });
      expect(sumMoney(used.map((u) => u.amount))).toBeLessThanOrEqual(note.total);
      const credited = note.invoiceId ? invoices.get(note.invoiceId) : undefined;
      expect(credited?.customerId ?? note.customerId).toBe(note.customerId);
    }
    for (const payment of demo.payments) {
      expect(figures.payments.get(payment.id)).toBeGreaterThanOrEqual(0);
      expect(payment.paidOn < TODAY_DATE).toBe(true);
    }
    for (const application of demo.paymentApplications) {
      const invoice = invoices.get(application.invoiceId);
      const payment = payments.get(application.paymentId);
      expect(invoice?.customerId).toBe(payment?.customerId);
      expect(application.appliedOn >= (invoice?.issuedOn ?? '')).toBe(true);
      expect(application.appliedOn >= (payment?.paidOn ?? '')).toBe(true);
    }
    for (const application of demo.creditApplications) {
      const invoice = invoices.get(application.invoiceId);
      const note = notes.get(application.creditNoteId);
      expect(invoice?.customerId).toBe(note?.customerId);
      expect(application.appliedOn >= (invoice?.issuedOn ?? '')).toBe(true);
      expect(application.appliedOn >= (note?.issuedOn ?? '')).toBe(true);
    }
    for (const refund of demo.refunds) {
      const note = notes.get(refund.creditNoteId);
      expect(refund.customerId).toBe(note?.customerId);
      expect(refund.refundedOn >= (note?.issuedOn ?? '') && refund.refundedOn < TODAY_DATE).toBe(
        true,
      );
    }
  });

  it('maps customers to desk contacts and invoices to tickets of the same contact', () => {
    const people = new Map(desk.customers.people.map((person) => [person.contact.id, person]));
    const tickets = byId(desk.tickets);
    for (const customer of demo.customers) {
      const person = people.get(customer.contactId ?? '');
      expect(customer.email).toBe(person?.contact.email.toLowerCase());
      expect(customer.companyName).toBe(person?.primary?.account.name ?? null);
    }
    const keys = demo.customers.map((c) => `${c.organizationId}/${c.email}`);
    expect(new Set(keys).size).toBe(keys.length);
    const cloudCustomers = demo.customers.filter((c) => c.organizationId === cloud.id);
    expect(cloudCustomers.length / desk.customers.people.length).toBeGreaterThan(0.5);
    expect(demo.customers.some((c) => c.billingAddress === null)).toBe(true);
    expect(demo.customers.some((c) => c.billingAddress && c.shippingAddress === null)).toBe(true);
    for (const invoice of demo.invoices) {
      expect(invoice.createdBy !== null).toBe(invoice.ticketId !== null);
      if (invoice.ticketId === null) continue;
      const ticket = tickets.get(invoice.ticketId);
      expect(ticket?.contactId).toBe(customers.get(invoice.customerId)?.contactId);
      expect(ticket && ticket.createdAt <= invoice.createdAt).toBe(true);
      expect(invoice.organizationId).toBe(cloud.id);
    }
  });

  it("gives ticket #1's contact a bit of everything", () => {
    if (!showcase) throw new Error("ticket #1's contact is no customer");
    const subscriptions = demo.subscriptions.filter((s) => s.customerId === showcase.id);
    expect(subscriptions.length).toBeGreaterThanOrEqual(3);
    expect(values(subscriptions, (s) => s.status).size).toBeGreaterThanOrEqual(3);
    const invoices = demo.invoices.filter((i) => i.customerId === showcase.id);
    expect(values(invoices, (i) => i.status).size).toBeGreaterThanOrEqual(4);
    expect(invoices.some((i) => i.ticketId === firstTicket?.id)).toBe(true);
    const otherTickets = invoices.filter((i) => i.ticketId && i.ticketId !== firstTicket?.id);
    expect(otherTickets.length).toBeGreaterThan(0);
    const own = ledgerFigures(ledgerOf(new Set([showcase.id])));
    expect(
      demo.creditNotes.some(
        (n) =>
          n.customerId === showcase.id &&
          n.status === 'OPEN' &&
          (figures.creditNotes.get(n.id) ?? 0) > 0,
      ),
    ).toBe(true);
    expect(own.unusedCredits).toBeGreaterThan(0);
    expect(own.creditBalance).toBeGreaterThan(own.unusedCredits);
    expect(own.outstanding).toBeGreaterThan(0);
  });

  it('continues every numbering after the highest seeded number', () => {
    const next = (kind: string) =>
      demo.documentSequences.find((s) => s.organizationId === cloud.id && s.kind === kind)
        ?.nextValue;
    const ofCloud = <T extends { organizationId: string }>(rows: readonly T[]) =>
      rows.filter((row) => row.organizationId === cloud.id);
    expect(next('SUB')).toBe(ofCloud(demo.subscriptions).length + 1);
    expect(next('INV')).toBe(ofCloud(demo.invoices).length + 1);
    expect(next('PAY')).toBe(ofCloud(demo.payments).length + 1);
    expect(next('CN')).toBe(ofCloud(demo.creditNotes).length + 1);
    expect(ofCloud(demo.invoices).map((i) => i.number)).toContain('INV-00001');
    expect(demo.documentSequences).toHaveLength(2 * 4);
  });
});

describe('seedBilling', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
    dataSource = createBillingDataSource(url, logger('test'));
    // The migrations create the schema if the test setup has not.
    await openAndMigrate(dataSource, BILLING_SCHEMA);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('inserts rows that satisfy every table constraint and continues the numbering', async () => {
    if (!(await billingIsSeeded(dataSource))) await seedBilling(dataSource, { scale: SCALE });
    expect(await billingIsSeeded(dataSource)).toBe(true);
    for (const table of [
      'organization',
      'organization_admin',
      'profile_permission',
      'customer',
      'plan',
      'subscription',
      'subscription_activity',
      'invoice',
      'invoice_line',
      'payment',
      'payment_application',
      'credit_note',
      'credit_application',
      'refund',
      'document_sequence',
    ]) {
      const [{ count }] = (await dataSource.query(
        `SELECT count(*)::integer AS count FROM billing.${table}`,
      )) as { count: number }[];
      expect({ table, count: count > 0 }).toEqual({ table, count: true });
    }
    // Other suites may create documents later, which only moves the sequences further on.
    const sequences = (await dataSource.query(
      'SELECT organization_id, kind, next_value FROM billing.document_sequence',
    )) as { organization_id: string; kind: string; next_value: number }[];
    for (const expected of demo.documentSequences) {
      const stored = sequences.find(
        (s) => s.organization_id === expected.organizationId && s.kind === expected.kind,
      );
      expect(stored?.next_value).toBeGreaterThanOrEqual(expected.nextValue);
    }
  });

  it("lists a customer's transactions through the view, and sums them as the domain does", async () => {
    if (!showcase) throw new Error("ticket #1's contact is no customer");
    // Other suites may add documents to this customer, so what is stored now is compared.
    const where = { customerId: showcase.id };
    const [invoices, payments, creditNotes, refunds] = await Promise.all([
      dataSource.getRepository(Invoice).findBy(where),
      dataSource.getRepository(Payment).findBy(where),
      dataSource.getRepository(CreditNote).findBy(where),
      dataSource.getRepository(Refund).findBy(where),
    ]);
    const stored: Ledger = {
      invoices,
      payments,
      creditNotes,
      refunds,
      paymentApplications: await dataSource
        .getRepository(PaymentApplication)
        .findBy({ paymentId: In(payments.map((p) => p.id)) }),
      creditApplications: await dataSource
        .getRepository(CreditApplication)
        .findBy({ creditNoteId: In(creditNotes.map((n) => n.id)) }),
    };

    const transactions = await dataSource
      .getRepository(Transaction)
      .find({ where, order: { date: 'DESC', id: 'DESC' } });
    expect(transactions).toHaveLength(
      invoices.length + payments.length + creditNotes.length + refunds.length,
    );
    expect(values(transactions, (t) => t.kind)).toEqual(
      new Set(['INVOICE', 'PAYMENT', 'CREDIT_NOTE', ...(refunds.length > 0 ? ['REFUND'] : [])]),
    );
    const [seeded] = demo.invoices.filter((i) => i.customerId === showcase.id);
    expect(transactions.find((t) => t.id === seeded.id)).toEqual({
      id: seeded.id,
      kind: 'INVOICE',
      customerId: showcase.id,
      date: seeded.issuedOn,
      number: seeded.number,
      amount: seeded.total,
      status: seeded.status,
      invoiceId: seeded.id,
      paymentId: null,
      creditNoteId: null,
      refundId: null,
    });

    const [sums] = (await dataSource.query(
      `SELECT
         (SELECT COALESCE(sum(n.total
            - COALESCE((SELECT sum(a.amount) FROM billing.credit_application a
                        WHERE a.credit_note_id = n.id), 0)
            - COALESCE((SELECT sum(r.amount) FROM billing.refund r
                        WHERE r.credit_note_id = n.id), 0)), 0)
          FROM billing.credit_note n WHERE n.customer_id = $1 AND n.status = 'OPEN')::float8
           AS "unusedCredits",
         (SELECT COALESCE(sum(p.amount
            - COALESCE((SELECT sum(a.amount) FROM billing.payment_application a
                        WHERE a.payment_id = p.id), 0)), 0)
          FROM billing.payment p WHERE p.customer_id = $1)::float8 AS "unusedPayments",
         (SELECT COALESCE(sum(i.total
            - COALESCE((SELECT sum(a.amount) FROM billing.payment_application a
                        WHERE a.invoice_id = i.id), 0)
            - COALESCE((SELECT sum(a.amount) FROM billing.credit_application a
                        WHERE a.invoice_id = i.id), 0)), 0)
          FROM billing.invoice i
          WHERE i.customer_id = $1 AND i.status = ANY($2))::float8 AS outstanding`,
      [showcase.id, OUTSTANDING_INVOICE_STATUSES],
    )) as { unusedCredits: number; unusedPayments: number; outstanding: number }[];
    const expected = ledgerFigures(stored);
    expect(expected.unusedCredits).toBeGreaterThan(0);
    expect({
      unusedCredits: sums.unusedCredits,
      creditBalance: sumMoney([sums.unusedCredits, sums.unusedPayments]),
      outstanding: sums.outstanding,
    }).toEqual({
      unusedCredits: expected.unusedCredits,
      creditBalance: expected.creditBalance,
      outstanding: expected.outstanding,
    });
  });
});
