import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { Graph, startGraph } from './harness';
import { errorCodes, expectError, expectNoErrors, sqlOn } from './expectations';

/**
 * BIL-2, BIL-3, BIL-4, BIL-6 / GRAPH-1: the billing panel desk's Ticket, Contact and Account
 * carry, checked through the gateway against what the billing schema holds. The figures the panel
 * derives (amount paid, balance due, credit left, unused payments, the overview's sums) are summed
 * here from the raw documents and their applications, not read back with billing's own SQL.
 */

interface Address {
  attention: string | null;
  street: string;
  city: string;
  state: string | null;
  zip: string | null;
  country: string;
}

interface Ref {
  id: string;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

interface CustomerNode {
  id: string;
  name: string;
  email: string;
  companyName: string | null;
  contact: Ref | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  unusedCredits: number;
  creditBalance: number;
  outstanding: number;
}

interface Figures {
  unusedCredits: number;
  creditBalance: number;
  outstanding: number;
}

interface Overview extends Figures {
  currency: string;
  customers: { id: string; billingAddress: Address | null; shippingAddress: Address | null }[];
}

interface Head {
  customers: CustomerNode[];
  overview: Overview;
}

interface ActivityNode {
  id: string;
  kind: string;
  occurredAt: string;
  summary: string;
  subscription: Ref;
  customer: Ref;
}

interface SubscriptionNode {
  id: string;
  number: string;
  status: string;
  quantity: number;
  amount: number;
  currency: string;
  startsOn: string;
  nextRenewalOn: string | null;
  plan: { code: string; price: number };
  customer: Ref;
}

interface InvoiceNode {
  id: string;
  number: string;
  status: string;
  issuedOn: string;
  total: number;
  amountPaid: number;
  balanceDue: number;
  currency: string;
  ticket: Ref | null;
  subscription: Ref | null;
  customer: Ref;
}

interface TransactionNode {
  id: string;
  kind: string;
  date: string;
  number: string;
  amount: number;
  status: string | null;
  customer: Ref;
  invoice: Ref | null;
  payment: Ref | null;
  creditNote: Ref | null;
  refund: Ref | null;
}

interface CreditNoteNode {
  id: string;
  number: string;
  status: string;
  issuedOn: string;
  total: number;
  balance: number;
  currency: string;
  customer: Ref;
}

interface ListNodes {
  activity: ActivityNode;
  subscriptions: SubscriptionNode;
  invoices: InvoiceNode;
  transactions: TransactionNode;
  creditNotes: CreditNoteNode;
}
type ListName = keyof ListNodes;
type Lists = { [K in ListName]: ListNodes[K][] };

const ADDRESS = 'attention street city state zip country';

/** What each list is asked for: every field the expectations below are built with. */
const LISTS: Record<ListName, string> = {
  activity: 'id kind occurredAt summary subscription { id } customer { id }',
  subscriptions: `id number status quantity amount currency startsOn nextRenewalOn
    plan { code price } customer { id }`,
  invoices: `id number status issuedOn total amountPaid balanceDue currency
    ticket { id } subscription { id } customer { id }`,
  transactions: `id kind date number amount status customer { id }
    invoice { id } payment { id } creditNote { id } refund { id }`,
  creditNotes: 'id number status issuedOn total balance currency customer { id }',
};
const LIST_NAMES = Object.keys(LISTS) as ListName[];

const HEAD = `
  customers {
    id name email companyName contact { id }
    billingAddress { ${ADDRESS} } shippingAddress { ${ADDRESS} }
    unusedCredits creditBalance outstanding
  }
  overview {
    unusedCredits creditBalance outstanding currency
    customers { id billingAddress { ${ADDRESS} } shippingAddress { ${ADDRESS} } }
  }
`;

const ROOTS = {
  ticket: 'ticket(id: $id)',
  contact: 'contact(id: $id)',
  account: 'account(id: $id)',
} as const;
type Root = keyof typeof ROOTS;

/** Invoices that may still be paid, and those of them the customer has been asked to pay. */
const OPEN_INVOICE = new Set(['DRAFT', 'SENT', 'PARTIALLY_PAID', 'OVERDUE']);
const ASKED_FOR = new Set(['SENT', 'PARTIALLY_PAID', 'OVERDUE']);
/** BIL-3: only these renew; the others have no next renewal date. */
const RENEWING = new Set(['FUTURE', 'TRIAL', 'LIVE', 'DUNNING']);

/** Money as exact cents: NUMERIC arrives as text, GraphQL sends floats. */
const cents = (amount: string | number): number => Math.round(Number(amount) * 100);
const money = (amountInCents: number): number => amountInCents / 100;

interface Ledger {
  invoices: {
    id: string;
    number: string;
    status: string;
    issuedOn: string;
    total: number;
    currency: string;
    customerId: string;
    ticketId: string | null;
    subscriptionId: string | null;
  }[];
  payments: { id: string; number: string; paidOn: string; amount: number; customerId: string }[];
  paymentApplications: { paymentId: string; invoiceId: string; amount: number }[];
  creditNotes: {
    id: string;
    number: string;
    status: string;
    issuedOn: string;
    total: number;
    currency: string;
    customerId: string;
  }[];
  creditApplications: { creditNoteId: string; invoiceId: string; amount: number }[];
  refunds: {
    id: string;
    creditNoteId: string;
    refundedOn: string;
    amount: number;
    customerId: string;
  }[];
}

/** What the documents say once their applications and refunds are counted, in cents. */
function settle(ledger: Ledger) {
  const total = <T>(rows: readonly T[], pick: (row: T) => number) =>
    rows.reduce((sum, row) => sum + pick(row), 0);
  const amountPaid = new Map(
    ledger.invoices.map((invoice) => [
      invoice.id,
      total(
        ledger.paymentApplications.filter((a) => a.invoiceId === invoice.id),
        (a) => a.amount,
      ) +
        total(
          ledger.creditApplications.filter((a) => a.invoiceId === invoice.id),
          (a) => a.amount,
        ),
    ]),
  );
  const balanceDue = new Map(
    ledger.invoices.map((invoice) => [
      invoice.id,
      OPEN_INVOICE.has(invoice.status) ? invoice.total - (amountPaid.get(invoice.id) ?? 0) : 0,
    ]),
  );
  const creditLeft = new Map(
    ledger.creditNotes.map((note) => [
      note.id,
      note.status === 'OPEN'
        ? note.total -
          total(
            ledger.creditApplications.filter((a) => a.creditNoteId === note.id),
            (a) => a.amount,
          ) -
          total(
            ledger.refunds.filter((r) => r.creditNoteId === note.id),
            (r) => r.amount,
          )
        : 0,
    ]),
  );
  const paymentLeft = new Map(
    ledger.payments.map((payment) => [
      payment.id,
      payment.amount -
        total(
          ledger.paymentApplications.filter((a) => a.paymentId === payment.id),
          (a) => a.amount,
        ),
    ]),
  );
  /** The overview of these customers, as BIL-6 defines it, in cents. */
  const figuresOf = (customerIds: readonly string[]): Figures => {
    const ours = new Set(customerIds);
    const unusedCredits = total(
      ledger.creditNotes.filter((note) => ours.has(note.customerId)),
      (note) => creditLeft.get(note.id) ?? 0,
    );
    const unusedPayments = total(
      ledger.payments.filter((payment) => ours.has(payment.customerId)),
      (payment) => paymentLeft.get(payment.id) ?? 0,
    );
    const outstanding = total(
      ledger.invoices.filter(
        (invoice) => ours.has(invoice.customerId) && ASKED_FOR.has(invoice.status),
      ),
      (invoice) => balanceDue.get(invoice.id) ?? 0,
    );
    return { unusedCredits, creditBalance: unusedCredits + unusedPayments, outstanding };
  };
  return { amountPaid, balanceDue, creditLeft, paymentLeft, figuresOf };
}

/** Newest first, ties by id descending: the order every list of the panel promises. */
function newestFirst<T extends { id: string }>(dateOf: (row: T) => string) {
  return (a: T, b: T): number => {
    const [x, y] = [dateOf(a), dateOf(b)];
    if (x !== y) return x < y ? 1 : -1;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  };
}

const ids = (nodes: readonly Ref[]): string[] => nodes.map((node) => node.id);

/** A stored address as GraphQL shows it: every field present, missing ones null. */
function asAddress(stored: Partial<Address> | null): Address | null {
  if (!stored) return null;
  return {
    attention: stored.attention ?? null,
    street: stored.street as string,
    city: stored.city as string,
    state: stored.state ?? null,
    zip: stored.zip ?? null,
    country: stored.country as string,
  };
}

/** A cursor as the lists write them: base64url of JSON [order value, id]. */
const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('BIL-2/3/4/6: billing panels on tickets, contacts and accounts', () => {
  let graph: Graph;
  const { sql } = sqlOn(() => graph.dataSources.billing);
  const desk = sqlOn(() => graph.dataSources.desk);
  let organizationId: string;
  let currency: string;
  /** Desk ticket #1, whose contact the seed makes the showcase customer. */
  let ticket: { id: string; contactId: string };
  let showcase: string[];

  function panelQuery(root: Root, body: string, declarations = ''): string {
    return `query($id: ID!${declarations}) { ${ROOTS[root]} { billing { ${body} } } }`;
  }

  async function billingOf<T>(
    root: Root,
    id: string,
    body: string,
    declarations = '',
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const res = await graph.query<Record<string, { billing: T | null } | null>>(
      'admin',
      panelQuery(root, body, declarations),
      { id, ...variables },
    );
    expectNoErrors(res);
    const billing = res.data?.[root]?.billing;
    expect(billing).toBeTruthy();
    return billing as T;
  }

  /** Every node of a list, a page of 100 at a time, checking that the pages fit together. */
  async function everything<K extends ListName>(
    root: Root,
    id: string,
    list: K,
    filter = '',
  ): Promise<Page<ListNodes[K]>> {
    const nodes: ListNodes[K][] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const panel: Record<string, Page<ListNodes[K]>> = await billingOf(
        root,
        id,
        `${list}(first: 100, after: $after${filter}) {
          totalCount pageInfo { hasNextPage endCursor } nodes { ${LISTS[list]} }
        }`,
        ', $after: String',
        { after },
      );
      const page = panel[list];
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) {
        expect(page.totalCount).toBe(nodes.length);
        return { ...page, nodes };
      }
      after = page.pageInfo.endCursor;
    }
    throw new Error(`${list} pages never end`);
  }

  /** The enabled organization's customer ids of these desk contacts. */
  async function customerIdsOf(contactIds: readonly string[]): Promise<string[]> {
    const rows = await sql<Ref>(
      `SELECT id FROM billing.customer
        WHERE contact_id = ANY($1::uuid[]) AND organization_id = $2 ORDER BY id`,
      [contactIds, organizationId],
    );
    return ids(rows);
  }

  /** Every document of these customers, and every application and refund touching them. */
  async function ledgerOf(customerIds: readonly string[]): Promise<Ledger> {
    const invoices = (
      await sql<Omit<Ledger['invoices'][number], 'total'> & { total: string }>(
        `SELECT id, number, status, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn",
                total::text AS total, currency, customer_id AS "customerId",
                ticket_id AS "ticketId", subscription_id AS "subscriptionId"
           FROM billing.invoice WHERE customer_id = ANY($1::uuid[])`,
        [customerIds],
      )
    ).map((row) => ({ ...row, total: cents(row.total) }));
    const payments = (
      await sql<Omit<Ledger['payments'][number], 'amount'> & { amount: string }>(
        `SELECT id, number, to_char(paid_on, 'YYYY-MM-DD') AS "paidOn", amount::text AS amount,
                customer_id AS "customerId"
           FROM billing.payment WHERE customer_id = ANY($1::uuid[])`,
        [customerIds],
      )
    ).map((row) => ({ ...row, amount: cents(row.amount) }));
    const creditNotes = (
      await sql<Omit<Ledger['creditNotes'][number], 'total'> & { total: string }>(
        `SELECT id, number, status, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn",
                total::text AS total, currency, customer_id AS "customerId"
           FROM billing.credit_note WHERE customer_id = ANY($1::uuid[])`,
        [customerIds],
      )
    ).map((row) => ({ ...row, total: cents(row.total) }));
    const invoiceIds = ids(invoices);
    const paymentApplications = (
      await sql<{ paymentId: string; invoiceId: string; amount: string }>(
        `SELECT payment_id AS "paymentId", invoice_id AS "invoiceId", amount::text AS amount
           FROM billing.payment_application
          WHERE invoice_id = ANY($1::uuid[]) OR payment_id = ANY($2::uuid[])`,
        [invoiceIds, ids(payments)],
      )
    ).map((row) => ({ ...row, amount: cents(row.amount) }));
    const creditApplications = (
      await sql<{ creditNoteId: string; invoiceId: string; amount: string }>(
        `SELECT credit_note_id AS "creditNoteId", invoice_id AS "invoiceId", amount::text AS amount
           FROM billing.credit_application
          WHERE invoice_id = ANY($1::uuid[]) OR credit_note_id = ANY($2::uuid[])`,
        [invoiceIds, ids(creditNotes)],
      )
    ).map((row) => ({ ...row, amount: cents(row.amount) }));
    const refunds = (
      await sql<Omit<Ledger['refunds'][number], 'amount'> & { amount: string }>(
        `SELECT id, credit_note_id AS "creditNoteId", to_char(refunded_on, 'YYYY-MM-DD') AS "refundedOn",
                amount::text AS amount, customer_id AS "customerId"
           FROM billing.refund WHERE credit_note_id = ANY($1::uuid[])`,
        [ids(creditNotes)],
      )
    ).map((row) => ({ ...row, amount: cents(row.amount) }));
    return { invoices, payments, paymentApplications, creditNotes, creditApplications, refunds };
  }

  /** Every list of a panel over these customers, straight from the tables, in the panel's order. */
  async function expectedLists(customerIds: readonly string[]): Promise<Lists> {
    const ledger = await ledgerOf(customerIds);
    const settled = settle(ledger);
    const activity = (
      await sql<
        Omit<ActivityNode, 'occurredAt' | 'subscription' | 'customer'> & {
          occurredAt: Date;
          subscriptionId: string;
          customerId: string;
        }
      >(
        `SELECT id, kind, occurred_at AS "occurredAt", summary,
                subscription_id AS "subscriptionId", customer_id AS "customerId"
           FROM billing.subscription_activity WHERE customer_id = ANY($1::uuid[])
          ORDER BY occurred_at DESC, id DESC`,
        [customerIds],
      )
    ).map(({ subscriptionId, customerId, occurredAt, ...row }): ActivityNode => ({
      ...row,
      occurredAt: occurredAt.toISOString(),
      subscription: { id: subscriptionId },
      customer: { id: customerId },
    }));
    const subscriptions = (
      await sql<{
        id: string;
        number: string;
        status: string;
        quantity: number;
        amount: string;
        currency: string;
        startsOn: string;
        nextRenewalOn: string | null;
        code: string;
        price: string;
        customerId: string;
      }>(
        `SELECT s.id, s.number, s.status, s.quantity, s.amount::text AS amount, s.currency,
                to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn",
                to_char(s.next_renewal_on, 'YYYY-MM-DD') AS "nextRenewalOn",
                p.code, p.price::text AS price, s.customer_id AS "customerId"
           FROM billing.subscription s JOIN billing.plan p ON p.id = s.plan_id
          WHERE s.customer_id = ANY($1::uuid[])
          ORDER BY s.created_at DESC, s.id DESC`,
        [customerIds],
      )
    ).map(({ code, price, customerId, amount, ...row }): SubscriptionNode => ({
      ...row,
      amount: Number(amount),
      plan: { code, price: Number(price) },
      customer: { id: customerId },
    }));
    const invoices = [...ledger.invoices]
      .sort(newestFirst((invoice) => invoice.issuedOn))
      .map((invoice): InvoiceNode => ({
        id: invoice.id,
        number: invoice.number,
        status: invoice.status,
        issuedOn: invoice.issuedOn,
        total: money(invoice.total),
        amountPaid: money(settled.amountPaid.get(invoice.id) ?? 0),
        balanceDue: money(settled.balanceDue.get(invoice.id) ?? 0),
        currency: invoice.currency,
        ticket: invoice.ticketId ? { id: invoice.ticketId } : null,
        subscription: invoice.subscriptionId ? { id: invoice.subscriptionId } : null,
        customer: { id: invoice.customerId },
      }));
    const creditNoteOf = new Map(ledger.creditNotes.map((note) => [note.id, note]));
    const none = { invoice: null, payment: null, creditNote: null, refund: null };
    const transactions = [
      ...ledger.invoices.map((invoice): TransactionNode => ({
        ...none,
        id: invoice.id,
        kind: 'INVOICE',
        date: invoice.issuedOn,
        number: invoice.number,
        amount: money(invoice.total),
        status: invoice.status,
        customer: { id: invoice.customerId },
        invoice: { id: invoice.id },
      })),
      ...ledger.payments.map((payment): TransactionNode => ({
        ...none,
        id: payment.id,
        kind: 'PAYMENT',
        date: payment.paidOn,
        number: payment.number,
        amount: money(payment.amount),
        status: null,
        customer: { id: payment.customerId },
        payment: { id: payment.id },
      })),
      ...ledger.creditNotes.map((note): TransactionNode => ({
        ...none,
        id: note.id,
        kind: 'CREDIT_NOTE',
        date: note.issuedOn,
        number: note.number,
        amount: money(note.total),
        status: note.status,
        customer: { id: note.customerId },
        creditNote: { id: note.id },
      })),
      ...ledger.refunds.map((refund): TransactionNode => ({
        ...none,
        id: refund.id,
        kind: 'REFUND',
        date: refund.refundedOn,
        // A refund is listed under the number of the credit note it pays out.
        number: creditNoteOf.get(refund.creditNoteId)?.number as string,
        amount: money(refund.amount),
        status: null,
        customer: { id: refund.customerId },
        creditNote: { id: refund.creditNoteId },
        refund: { id: refund.id },
      })),
    ].sort(newestFirst((row) => row.date));
    const creditNotes = [...ledger.creditNotes]
      .sort(newestFirst((note) => note.issuedOn))
      .map((note): CreditNoteNode => ({
        id: note.id,
        number: note.number,
        status: note.status,
        issuedOn: note.issuedOn,
        total: money(note.total),
        balance: money(settled.creditLeft.get(note.id) ?? 0),
        currency: note.currency,
        customer: { id: note.customerId },
      }));
    return { activity, subscriptions, invoices, transactions, creditNotes };
  }

  /** The overview of these customers, summed here from their documents. */
  async function expectedFigures(customerIds: readonly string[]): Promise<Figures> {
    const figures = settle(await ledgerOf(customerIds)).figuresOf(customerIds);
    return {
      unusedCredits: money(figures.unusedCredits),
      creditBalance: money(figures.creditBalance),
      outstanding: money(figures.outstanding),
    };
  }

  /** Each customer record as the panel shows it, from billing.customer. */
  async function expectedCustomers(customerIds: readonly string[]) {
    const rows = await sql<{
      id: string;
      name: string;
      email: string;
      companyName: string | null;
      contactId: string | null;
      billing: Partial<Address> | null;
      shipping: Partial<Address> | null;
    }>(
      `SELECT id, name, email, company_name AS "companyName", contact_id AS "contactId",
              billing_address AS billing, shipping_address AS shipping
         FROM billing.customer WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [customerIds],
    );
    const ledger = settle(await ledgerOf(customerIds));
    return rows.map((row): CustomerNode => {
      const figures = ledger.figuresOf([row.id]);
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        companyName: row.companyName,
        contact: row.contactId ? { id: row.contactId } : null,
        billingAddress: asAddress(row.billing),
        shippingAddress: asAddress(row.shipping),
        unusedCredits: money(figures.unusedCredits),
        creditBalance: money(figures.creditBalance),
        outstanding: money(figures.outstanding),
      };
    });
  }

  /** The head of a panel (customers and overview) and every list, in full. */
  async function wholePanel(root: Root, id: string): Promise<Head & Lists> {
    const head = await billingOf<Head>(root, id, HEAD);
    const lists = {} as Lists;
    for (const list of LIST_NAMES) {
      (lists as Record<ListName, unknown[]>)[list] = (await everything(root, id, list)).nodes;
    }
    return { ...head, ...lists };
  }

  /** A panel is exactly what the tables hold for these customers. */
  async function expectPanelOver(panel: Head & Lists, customerIds: readonly string[]) {
    const byId = <T extends Ref>(rows: readonly T[]) =>
      [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const customers = await expectedCustomers(customerIds);
    expect(byId(panel.customers)).toEqual(customers);
    expect(byId(panel.overview.customers)).toEqual(
      customers.map(({ id, billingAddress, shippingAddress }) => ({
        id,
        billingAddress,
        shippingAddress,
      })),
    );
    expect(panel.overview).toMatchObject({ ...(await expectedFigures(customerIds)), currency });
    const expected = await expectedLists(customerIds);
    for (const list of LIST_NAMES) {
      expect({ list, nodes: panel[list] }).toEqual({ list, nodes: expected[list] });
    }
  }

  beforeAll(async () => {
    graph = await startGraph();
    [{ organizationId }] = await sql<{ organizationId: string }>(
      `SELECT organization_id AS "organizationId" FROM billing.integration WHERE status = 'ENABLED'`,
    );
    [{ currency }] = await sql<{ currency: string }>(
      'SELECT currency FROM billing.organization WHERE id = $1',
      [organizationId],
    );
    [ticket] = await desk.sql<{ id: string; contactId: string }>(
      'SELECT id, contact_id AS "contactId" FROM desk.ticket WHERE number = 1',
    );
    showcase = await customerIdsOf([ticket.contactId]);
  });
  afterAll(() => graph.stop());

  describe("desk ticket #1's panel", () => {
    let panel: Head & Lists;
    beforeAll(async () => {
      panel = await wholePanel('ticket', ticket.id);
    });

    it("is a rich demo customer: the seed's promises the other tests rely on", async () => {
      expect(showcase).toHaveLength(1);
      const ledger = await ledgerOf(showcase);
      const settled = settle(ledger);
      const subscriptions = await sql<{ status: string }>(
        'SELECT status FROM billing.subscription WHERE customer_id = $1',
        [showcase[0]],
      );
      expect(subscriptions.length).toBeGreaterThanOrEqual(3);
      expect(new Set(ledger.invoices.map((i) => i.status)).size).toBeGreaterThanOrEqual(3);
      expect(ledger.invoices.filter((i) => i.ticketId === ticket.id)).not.toHaveLength(0);
      expect(ledger.creditNotes.filter((n) => n.status === 'OPEN')).not.toHaveLength(0);
      expect([...settled.paymentLeft.values()].some((left) => left > 0)).toBe(true);
    });

    it("shows the ticket contact's customer record with its addresses (BIL-2)", async () => {
      const [stored] = await sql<{ billing: Partial<Address> | null }>(
        'SELECT billing_address AS billing FROM billing.customer WHERE id = $1',
        [showcase[0]],
      );
      expect(stored.billing).not.toBeNull();
      expect(panel.customers).toEqual(await expectedCustomers(showcase));
      expect(panel.customers[0].contact).toEqual({ id: ticket.contactId });
      expect(panel.overview.customers).toEqual([
        {
          id: showcase[0],
          billingAddress: panel.customers[0].billingAddress,
          shippingAddress: panel.customers[0].shippingAddress,
        },
      ]);
    });

    it('sums unused credits, credit balance and outstanding from the stored documents (BIL-6)', async () => {
      const figures = await expectedFigures(showcase);
      expect(panel.overview).toEqual({ ...figures, currency, customers: expect.any(Array) });
      // The showcase has open credit, an unused payment and unpaid invoices: none of it is zero.
      expect(figures.unusedCredits).toBeGreaterThan(0);
      expect(figures.creditBalance).toBeGreaterThan(figures.unusedCredits);
      expect(figures.outstanding).toBeGreaterThan(0);
      const { unusedCredits, creditBalance, outstanding } = panel.customers[0];
      expect({ unusedCredits, creditBalance, outstanding }).toEqual(figures);
    });

    it('lists everything of the contact, newest first, as the tables hold it', async () => {
      await expectPanelOver(panel, showcase);
    });

    it('lists activity newest first, each line about one of the subscriptions shown (BIL-6)', () => {
      const times = panel.activity.map((node) => Date.parse(node.occurredAt));
      expect(times.length).toBeGreaterThan(3);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const shown = new Set(ids(panel.subscriptions));
      for (const line of panel.activity) {
        expect(shown.has(line.subscription.id)).toBe(true);
        expect(line.summary.trim()).not.toBe('');
      }
    });

    it('shows each subscription with plan, amount, status and next renewal (BIL-3)', () => {
      expect(panel.subscriptions.length).toBeGreaterThanOrEqual(3);
      for (const subscription of panel.subscriptions) {
        // Per term: the plan's price times the quantity, in the organization's currency.
        expect(cents(subscription.amount)).toBe(
          cents(subscription.plan.price) * subscription.quantity,
        );
        expect(subscription.currency).toBe(currency);
        expect(subscription.nextRenewalOn === null).toBe(!RENEWING.has(subscription.status));
      }
      expect(new Set(panel.subscriptions.map((s) => s.status)).size).toBeGreaterThan(1);
    });

    it('shows what each invoice has been paid and still asks for, from its applications', async () => {
      const settled = settle(await ledgerOf(showcase));
      expect(panel.invoices.length).toBeGreaterThan(3);
      for (const invoice of panel.invoices) {
        expect({ number: invoice.number, paid: cents(invoice.amountPaid) }).toEqual({
          number: invoice.number,
          paid: settled.amountPaid.get(invoice.id),
        });
        expect(cents(invoice.balanceDue)).toBe(
          OPEN_INVOICE.has(invoice.status) ? cents(invoice.total) - cents(invoice.amountPaid) : 0,
        );
      }
      // Some open invoice was paid in part: both what was paid and what is still due show.
      const partly = panel.invoices.filter(
        (invoice) => OPEN_INVOICE.has(invoice.status) && invoice.amountPaid > 0,
      );
      expect(partly).not.toHaveLength(0);
      for (const invoice of partly) {
        expect(invoice.balanceDue).toBeGreaterThan(0);
        expect(invoice.balanceDue).toBeLessThan(invoice.total);
      }
    });

    it('narrows invoices to THIS_TICKET: exactly those created from this ticket', async () => {
      const narrowed = await everything('ticket', ticket.id, 'invoices', ', scope: THIS_TICKET');
      const fromTicket = panel.invoices.filter((invoice) => invoice.ticket?.id === ticket.id);
      const stored = await sql<Ref>(
        `SELECT id FROM billing.invoice WHERE ticket_id = $1 AND organization_id = $2
          ORDER BY issued_on DESC, id DESC`,
        [ticket.id, organizationId],
      );
      expect(ids(narrowed.nodes)).toEqual(ids(stored));
      expect(narrowed.nodes).toEqual(fromTicket);
      expect(narrowed.totalCount).toBe(stored.length);
      expect(stored.length).toBeGreaterThan(0);
      expect(panel.invoices.length).toBeGreaterThan(stored.length);
    });

    it('combines THIS_TICKET with the status filter', async () => {
      const [stored] = await sql<Ref & { status: string }>(
        'SELECT id, status FROM billing.invoice WHERE ticket_id = $1 ORDER BY number LIMIT 1',
        [ticket.id],
      );
      const other = panel.invoices.find((invoice) => invoice.status !== stored.status);
      const matching = await everything(
        'ticket',
        ticket.id,
        'invoices',
        `, scope: THIS_TICKET, status: ${stored.status}`,
      );
      const expected = await sql<Ref>(
        `SELECT id FROM billing.invoice WHERE ticket_id = $1 AND status = $2
          ORDER BY issued_on DESC, id DESC`,
        [ticket.id, stored.status],
      );
      expect(ids(matching.nodes)).toEqual(ids(expected));
      expect(ids(matching.nodes)).toContain(stored.id);
      // A status the contact has, but not among this ticket's invoices, finds none.
      const [{ unused }] = await sql<{ unused: string }>(
        `SELECT status AS unused FROM billing.invoice WHERE customer_id = $1
            AND status NOT IN (SELECT status FROM billing.invoice WHERE ticket_id = $2)
          ORDER BY status LIMIT 1`,
        [showcase[0], ticket.id],
      );
      expect(other).toBeDefined();
      const none = await everything(
        'ticket',
        ticket.id,
        'invoices',
        `, scope: THIS_TICKET, status: ${unused}`,
      );
      expect(none).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [],
      });
    });

    it("narrows each of the contact's ticket panels, asked for together, to its own ticket", async () => {
      const res = await graph.query<{
        contact: {
          tickets: {
            totalCount: number;
            nodes: {
              id: string;
              billing: { invoices: Page<{ id: string; ticket: Ref | null }> };
            }[];
          };
        };
      }>(
        'admin',
        `query($id: ID!) {
          contact(id: $id) {
            tickets(first: 50) {
              totalCount
              nodes {
                id
                billing {
                  invoices(first: 100, scope: THIS_TICKET) {
                    totalCount pageInfo { hasNextPage endCursor } nodes { id ticket { id } }
                  }
                }
              }
            }
          }
        }`,
        { id: ticket.contactId },
      );
      expectNoErrors(res);
      const tickets = res.data?.contact.tickets.nodes ?? [];
      expect(tickets).toHaveLength(res.data?.contact.tickets.totalCount ?? -1);
      const stored = await sql<{ id: string; ticketId: string }>(
        `SELECT id, ticket_id AS "ticketId" FROM billing.invoice
          WHERE customer_id = $1 AND ticket_id IS NOT NULL ORDER BY issued_on DESC, id DESC`,
        [showcase[0]],
      );
      for (const { id, billing } of tickets) {
        const own = stored.filter((invoice) => invoice.ticketId === id);
        expect({ ticket: id, invoices: ids(billing.invoices.nodes) }).toEqual({
          ticket: id,
          invoices: ids(own),
        });
        expect(billing.invoices.totalCount).toBe(own.length);
        expect(billing.invoices.nodes.every((invoice) => invoice.ticket?.id === id)).toBe(true);
      }
      // Several of the contact's tickets have invoices of their own, and some have none.
      const withInvoices = tickets.filter(({ billing }) => billing.invoices.totalCount > 0);
      expect(withInvoices.length).toBeGreaterThan(1);
      expect(withInvoices.length).toBeLessThan(tickets.length);
      expect(new Set(stored.map((invoice) => invoice.ticketId)).size).toBe(withInvoices.length);
    });

    it('lists ALL_OF_CONTACT when asked explicitly, as by default', async () => {
      const all = await everything('ticket', ticket.id, 'invoices', ', scope: ALL_OF_CONTACT');
      expect(all.nodes).toEqual(panel.invoices);
    });

    it('lists credit notes with what they still hold: total − applied − refunded when OPEN', async () => {
      const settled = settle(await ledgerOf(showcase));
      const open = panel.creditNotes.filter((note) => note.status === 'OPEN');
      expect(open).not.toHaveLength(0);
      for (const note of panel.creditNotes) {
        expect({ number: note.number, balance: cents(note.balance) }).toEqual({
          number: note.number,
          balance: settled.creditLeft.get(note.id),
        });
      }
      expect(open.every((note) => note.balance > 0)).toBe(true);
    });
  });

  describe("a contact's panel", () => {
    it("equals ticket #1's panel for ticket #1's contact", async () => {
      const fromContact = await wholePanel('contact', ticket.contactId);
      const fromTicket = await wholePanel('ticket', ticket.id);
      expect(fromContact).toEqual(fromTicket);
    });

    it('refuses THIS_TICKET with BAD_USER_INPUT, having no ticket to narrow to', async () => {
      const res = await graph.query(
        'admin',
        panelQuery('contact', 'invoices(scope: THIS_TICKET) { totalCount }'),
        { id: ticket.contactId },
      );
      expectError(res, 'BAD_USER_INPUT', ['contact', 'billing', 'invoices']);
    });

    it("shows only the enabled organization's records of a contact the other organization bills too", async () => {
      const [{ contactId }] = await sql<{ contactId: string }>(
        `SELECT c.contact_id AS "contactId" FROM billing.customer c
          WHERE c.organization_id <> $1 AND c.contact_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM billing.invoice i WHERE i.customer_id = c.id)
          ORDER BY c.contact_id LIMIT 1`,
        [organizationId],
      );
      const customerIds = await customerIdsOf([contactId]);
      expect(customerIds).toHaveLength(1);
      const panel = await wholePanel('contact', contactId);
      await expectPanelOver(panel, customerIds);
      expect(panel.invoices.every((invoice) => invoice.currency === currency)).toBe(true);
    });

    it('is an empty panel, not null, for a contact with no customer record', async () => {
      const [{ id }] = await desk.sql<Ref>(
        `SELECT d.id FROM desk.contact d
          WHERE NOT EXISTS (SELECT 1 FROM billing.customer c WHERE c.contact_id = d.id)
          ORDER BY d.id LIMIT 1`,
      );
      const panel = await wholePanel('contact', id);
      expect(panel).toEqual({
        customers: [],
        overview: { unusedCredits: 0, creditBalance: 0, outstanding: 0, currency, customers: [] },
        activity: [],
        subscriptions: [],
        invoices: [],
        transactions: [],
        creditNotes: [],
      });
    });
  });

  describe("an account's panel", () => {
    /** The account whose contacts have the most customer records in the enabled organization. */
    let accountId: string;
    let contactIds: string[];
    let customerIds: string[];
    beforeAll(async () => {
      [{ accountId }] = await desk.sql<{ accountId: string }>(
        `SELECT ca.account_id AS "accountId" FROM desk.contact_account ca
           JOIN billing.customer c ON c.contact_id = ca.contact_id AND c.organization_id = $1
          GROUP BY ca.account_id ORDER BY count(*) DESC, ca.account_id LIMIT 1`,
        [organizationId],
      );
      const res = await graph.query<{ account: { contactIds: string[] } }>(
        'admin',
        'query($id: ID!) { account(id: $id) { contactIds } }',
        { id: accountId },
      );
      expectNoErrors(res);
      contactIds = res.data?.account.contactIds ?? [];
      customerIds = await customerIdsOf(contactIds);
    });

    it("covers every contact of the account: desk's contactIds, primary and secondary", async () => {
      const linked = await desk.sql<{ contactId: string }>(
        'SELECT contact_id AS "contactId" FROM desk.contact_account WHERE account_id = $1',
        [accountId],
      );
      expect([...contactIds].sort()).toEqual(linked.map((row) => row.contactId).sort());
      expect(customerIds.length).toBeGreaterThan(2);
      const panel = await wholePanel('account', accountId);
      await expectPanelOver(panel, customerIds);
      expect(new Set(panel.invoices.map((invoice) => invoice.customer.id)).size).toBeGreaterThan(1);
    });

    it("sums the overview over the account's contacts: the sum of their own panels", async () => {
      const { overview } = await billingOf<Head>('account', accountId, HEAD);
      const sums: Figures = { unusedCredits: 0, creditBalance: 0, outstanding: 0 };
      for (const contactId of contactIds) {
        const own = await billingOf<Head>('contact', contactId, HEAD);
        sums.unusedCredits += cents(own.overview.unusedCredits);
        sums.creditBalance += cents(own.overview.creditBalance);
        sums.outstanding += cents(own.overview.outstanding);
      }
      expect({
        unusedCredits: cents(overview.unusedCredits),
        creditBalance: cents(overview.creditBalance),
        outstanding: cents(overview.outstanding),
      }).toEqual(sums);
      expect(sums.outstanding + sums.creditBalance).toBeGreaterThan(0);
    });

    it('refuses THIS_TICKET with BAD_USER_INPUT', async () => {
      const res = await graph.query(
        'admin',
        panelQuery('account', 'invoices(scope: THIS_TICKET) { totalCount }'),
        { id: accountId },
      );
      expectError(res, 'BAD_USER_INPUT', ['account', 'billing', 'invoices']);
    });

    it.each([
      ['subscriptions', 'subscription'],
      ['invoices', 'invoice'],
      ['creditNotes', 'credit_note'],
    ] as const)('filters %s by status', async (list, table) => {
      // The rarest status among the account's documents, so that the filter leaves some out.
      const [{ status }] = await sql<{ status: string }>(
        `SELECT status FROM billing.${table} WHERE customer_id = ANY($1::uuid[])
          GROUP BY status ORDER BY count(*), status LIMIT 1`,
        [customerIds],
      );
      const filtered = await everything('account', accountId, list, `, status: ${status}`);
      const expected = (await expectedLists(customerIds))[list] as Ref[];
      const withStatus = expected.filter((node) => (node as { status?: string }).status === status);
      expect(ids(filtered.nodes)).toEqual(ids(withStatus));
      expect(filtered.totalCount).toBe(withStatus.length);
      expect(withStatus.length).toBeGreaterThan(0);
      expect(withStatus.length).toBeLessThan(expected.length);
    });

    it.each(LIST_NAMES)(
      'pages %s with first/after: cursors round-trip, no duplicates, the same totalCount',
      async (list) => {
        const all = ids((await everything('account', accountId, list)).nodes);
        expect(all.length).toBeGreaterThan(3);
        const pages: string[][] = [];
        let after: string | null = null;
        let hasNextPage = true;
        while (hasNextPage) {
          if (pages.length > all.length) throw new Error(`${list} pages never end`);
          const panel: Record<string, Page<Ref>> = await billingOf(
            'account',
            accountId,
            `${list}(first: 2, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } nodes { id }
            }`,
            ', $after: String',
            { after },
          );
          const page = panel[list];
          expect(page.totalCount).toBe(all.length);
          pages.push(ids(page.nodes));
          ({ hasNextPage, endCursor: after } = page.pageInfo);
        }
        const expected: string[][] = [];
        for (let start = 0; start < all.length; start += 2) {
          expected.push(all.slice(start, start + 2));
        }
        expect(pages).toEqual(expected);
        expect(new Set(pages.flat()).size).toBe(all.length);
      },
    );
  });

  describe('transactions (BIL-4)', () => {
    /** A contact whose customer has every kind of transaction: a refund implies the rest. */
    let contactId: string;
    let customerIds: string[];
    beforeAll(async () => {
      [{ contactId }] = await sql<{ contactId: string }>(
        `SELECT c.contact_id AS "contactId" FROM billing.customer c
          WHERE c.organization_id = $1 AND c.contact_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM billing.refund r WHERE r.customer_id = c.id)
            AND EXISTS (SELECT 1 FROM billing.payment p WHERE p.customer_id = c.id)
            AND EXISTS (SELECT 1 FROM billing.invoice i WHERE i.customer_id = c.id)
          ORDER BY c.contact_id LIMIT 1`,
        [organizationId],
      );
      customerIds = await customerIdsOf([contactId]);
    });

    it('shows every kind in one list, newest first, each row pointing to its document', async () => {
      const { nodes, totalCount } = await everything('contact', contactId, 'transactions');
      const expected = (await expectedLists(customerIds)).transactions;
      expect(nodes).toEqual(expected);
      expect(totalCount).toBe(expected.length);
      expect(new Set(nodes.map((node) => node.kind))).toEqual(
        new Set(['INVOICE', 'PAYMENT', 'CREDIT_NOTE', 'REFUND']),
      );
    });

    it.each(['INVOICE', 'PAYMENT', 'CREDIT_NOTE', 'REFUND'])('filters by kind %s', async (kind) => {
      const { nodes, totalCount } = await everything(
        'contact',
        contactId,
        'transactions',
        `, kind: ${kind}`,
      );
      const expected = (await expectedLists(customerIds)).transactions.filter(
        (row) => row.kind === kind,
      );
      expect(nodes).toEqual(expected);
      expect(totalCount).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(0);
    });

    it('gives each row the amount, date and number of the document it points to', async () => {
      const panel = await billingOf<{
        transactions: Page<{
          kind: string;
          date: string;
          number: string;
          amount: number;
          invoice: { number: string; issuedOn: string; total: number } | null;
          payment: { number: string; paidOn: string; amount: number } | null;
          creditNote: { number: string; issuedOn: string; total: number } | null;
          refund: { refundedOn: string; amount: number; creditNote: { number: string } } | null;
        }>;
      }>(
        'contact',
        contactId,
        `transactions(first: 100) { totalCount nodes {
          kind date number amount
          invoice { number issuedOn total }
          payment { number paidOn amount }
          creditNote { number issuedOn total }
          refund { refundedOn amount creditNote { number } }
        } }`,
      );
      const { nodes } = panel.transactions;
      expect(nodes.length).toBe(panel.transactions.totalCount);
      for (const row of nodes) {
        const document =
          row.kind === 'INVOICE'
            ? {
                number: row.invoice?.number,
                date: row.invoice?.issuedOn,
                amount: row.invoice?.total,
              }
            : row.kind === 'PAYMENT'
              ? {
                  number: row.payment?.number,
                  date: row.payment?.paidOn,
                  amount: row.payment?.amount,
                }
              : row.kind === 'CREDIT_NOTE'
                ? {
                    number: row.creditNote?.number,
                    date: row.creditNote?.issuedOn,
                    amount: row.creditNote?.total,
                  }
                : {
                    number: row.refund?.creditNote.number,
                    date: row.refund?.refundedOn,
                    amount: row.refund?.amount,
                  };
        expect({ kind: row.kind, number: row.number, date: row.date, amount: row.amount }).toEqual({
          kind: row.kind,
          ...document,
        });
      }
    });
  });

  describe('credit notes', () => {
    it('hold total − applied − refunded while OPEN, nothing once CLOSED or VOID', async () => {
      const notes = await sql<{ id: string; customerId: string }>(
        `SELECT id, customer_id AS "customerId" FROM billing.credit_note
          WHERE organization_id = $1 ORDER BY number`,
        [organizationId],
      );
      const settled = settle(await ledgerOf([...new Set(notes.map((note) => note.customerId))]));
      const res = await graph.query<
        Record<
          string,
          {
            id: string;
            status: string;
            total: number;
            balance: number;
            applications: { amount: number; invoice: Ref }[];
            refunds: { id: string; amount: number }[];
          }
        >
      >(
        'admin',
        `query { ${notes
          .map(
            (note, index) => `n${index}: billingCreditNote(id: "${note.id}") {
              id status total balance applications { amount invoice { id } } refunds { id amount }
            }`,
          )
          .join('\n')} }`,
      );
      expectNoErrors(res);
      const answered = Object.values(res.data ?? {});
      expect(ids(answered)).toEqual(ids(notes));
      for (const note of answered) {
        const applied = note.applications.reduce((sum, a) => sum + cents(a.amount), 0);
        const refunded = note.refunds.reduce((sum, r) => sum + cents(r.amount), 0);
        const expected = note.status === 'OPEN' ? cents(note.total) - applied - refunded : 0;
        expect({ id: note.id, balance: cents(note.balance) }).toEqual({
          id: note.id,
          balance: expected,
        });
        expect(cents(note.balance)).toBe(settled.creditLeft.get(note.id));
      }
      // Open, closed (applied or refunded) and void ones are all among them.
      expect(new Set(answered.map((note) => note.status))).toEqual(
        new Set(['OPEN', 'CLOSED', 'VOID']),
      );
    });
  });

  describe("a subscription's detail (BIL-6)", () => {
    it('shows each of its invoices and its own history, newest first', async () => {
      const subscriptions = await sql<Ref & { number: string; status: string; amount: string }>(
        `SELECT id, number, status, amount::text AS amount FROM billing.subscription
          WHERE customer_id = ANY($1::uuid[]) ORDER BY number`,
        [showcase],
      );
      expect(subscriptions.length).toBeGreaterThanOrEqual(3);
      for (const subscription of subscriptions) {
        const res = await graph.query<{
          billingSubscription: {
            id: string;
            number: string;
            status: string;
            amount: number;
            customer: Ref;
            invoices: { id: string; number: string; subscription: Ref | null }[];
            activity: { id: string; kind: string; subscription: Ref }[];
          } | null;
        }>(
          'admin',
          `query($id: ID!) {
            billingSubscription(id: $id) {
              id number status amount customer { id }
              invoices { id number subscription { id } }
              activity { id kind subscription { id } }
            }
          }`,
          { id: subscription.id },
        );
        expectNoErrors(res);
        const detail = res.data?.billingSubscription;
        const invoices = await sql<Ref & { number: string }>(
          `SELECT id, number FROM billing.invoice WHERE subscription_id = $1
            ORDER BY issued_on DESC, id DESC`,
          [subscription.id],
        );
        const activity = await sql<Ref & { kind: string }>(
          `SELECT id, kind FROM billing.subscription_activity WHERE subscription_id = $1
            ORDER BY occurred_at DESC, id DESC`,
          [subscription.id],
        );
        expect(detail).toEqual({
          id: subscription.id,
          number: subscription.number,
          status: subscription.status,
          amount: Number(subscription.amount),
          customer: { id: showcase[0] },
          invoices: invoices.map((invoice) => ({
            ...invoice,
            subscription: { id: subscription.id },
          })),
          activity: activity.map((line) => ({ ...line, subscription: { id: subscription.id } })),
        });
        // Every subscription of the showcase was billed and went through more than its creation.
        expect(invoices.length).toBeGreaterThan(1);
        expect(activity.length).toBeGreaterThan(1);
        expect(activity.at(-1)?.kind).toBe('CREATED');
      }
    });
  });

  describe('refusals', () => {
    const maxPageSize = config().pagination.maxPageSize;

    it.each(LIST_NAMES.flatMap((list) => [maxPageSize + 1, 0, -1].map((first) => [list, first])))(
      'refuses %s(first: %s) with BAD_USER_INPUT',
      async (list, first) => {
        const res = await graph.query(
          'admin',
          panelQuery('ticket', `${list}(first: $first) { totalCount }`, ', $first: Int'),
          { id: ticket.id, first },
        );
        expectError(res, 'BAD_USER_INPUT', ['ticket', 'billing', list as string]);
      },
    );

    it.each([
      ['not a cursor at all', 'garbage'],
      ['a cursor whose id is not an id', cursor(['2026-01-01', 'not-an-id'])],
      ['a cursor whose value is not a date', cursor(['not-a-date', randomUUID()])],
      ['a cursor of numbers', cursor([1, 2])],
      ['a cursor of three values', cursor(['2026-01-01', randomUUID(), 3])],
    ])('refuses %s as after with BAD_USER_INPUT on every list', async (_label, after) => {
      const codes: Record<string, unknown[]> = {};
      for (const list of LIST_NAMES) {
        const res = await graph.query(
          'admin',
          panelQuery(
            'ticket',
            `${list}(first: 3, after: $after) { totalCount }`,
            ', $after: String',
          ),
          { id: ticket.id, after },
        );
        codes[list] = errorCodes(res);
      }
      expect(codes).toEqual(
        Object.fromEntries(LIST_NAMES.map((list) => [list, ['BAD_USER_INPUT']])),
      );
    });

    // Both lists are non-null, so the panel is null either way; what must hold is that the
    // refusal is reported where the bad argument was, not on a list that asked for 5.
    it('refuses only the list that asks too much, not a sibling list of the same panel', async () => {
      const res = await graph.query(
        'admin',
        panelQuery(
          'ticket',
          `fine: invoices(first: 5) { totalCount } tooMany: invoices(first: $first) { totalCount }`,
          ', $first: Int',
        ),
        { id: ticket.id, first: maxPageSize + 1 },
      );
      expectError(res, 'BAD_USER_INPUT', ['ticket', 'billing', 'tooMany']);
    });

    it('refuses only the list with the malformed cursor, not a sibling list of the same panel', async () => {
      const res = await graph.query(
        'admin',
        panelQuery(
          'ticket',
          `fine: transactions(first: 5) { totalCount } broken: transactions(first: 5, after: "garbage") { totalCount }`,
        ),
        { id: ticket.id },
      );
      expectError(res, 'BAD_USER_INPUT', ['ticket', 'billing', 'broken']);
    });
  });

  describe('documents reached by id', () => {
    it('resolves the invoice made from ticket #1 with its lines, applications and links', async () => {
      const [invoice] = await sql<{
        id: string;
        number: string;
        subscriptionId: string | null;
        total: string;
      }>(
        `SELECT id, number, subscription_id AS "subscriptionId", total::text AS total
           FROM billing.invoice WHERE ticket_id = $1 ORDER BY number LIMIT 1`,
        [ticket.id],
      );
      const lines = await sql<{
        description: string;
        quantity: number;
        rate: string;
        amount: string;
      }>(
        `SELECT description, quantity, rate::text AS rate, amount::text AS amount
           FROM billing.invoice_line WHERE invoice_id = $1 ORDER BY position`,
        [invoice.id],
      );
      const payments = await sql<{ paymentId: string; amount: string; appliedOn: string }>(
        `SELECT payment_id AS "paymentId", amount::text AS amount,
                to_char(applied_on, 'YYYY-MM-DD') AS "appliedOn"
           FROM billing.payment_application WHERE invoice_id = $1
          ORDER BY applied_on, payment_id`,
        [invoice.id],
      );
      const credits = await sql<{ creditNoteId: string; amount: string }>(
        `SELECT credit_note_id AS "creditNoteId", amount::text AS amount
           FROM billing.credit_application WHERE invoice_id = $1 ORDER BY applied_on, credit_note_id`,
        [invoice.id],
      );
      const res = await graph.query<{ billingInvoice: unknown }>(
        'admin',
        `query($id: ID!) {
          billingInvoice(id: $id) {
            id number total customer { id } subscription { id }
            ticket { id contact { id } }
            lineItems { description quantity rate amount }
            payments { amount appliedOn payment { id } invoice { id } }
            credits { amount creditNote { id } invoice { id } }
          }
        }`,
        { id: invoice.id },
      );
      expectNoErrors(res);
      expect(res.data?.billingInvoice).toEqual({
        id: invoice.id,
        number: invoice.number,
        total: Number(invoice.total),
        customer: { id: showcase[0] },
        subscription: invoice.subscriptionId ? { id: invoice.subscriptionId } : null,
        // Desk resolves the ticket the reference names.
        ticket: { id: ticket.id, contact: { id: ticket.contactId } },
        lineItems: lines.map((line) => ({
          ...line,
          rate: Number(line.rate),
          amount: Number(line.amount),
        })),
        payments: payments.map((p) => ({
          amount: Number(p.amount),
          appliedOn: p.appliedOn,
          payment: { id: p.paymentId },
          invoice: { id: invoice.id },
        })),
        credits: credits.map((c) => ({
          amount: Number(c.amount),
          creditNote: { id: c.creditNoteId },
          invoice: { id: invoice.id },
        })),
      });
      expect(lines.length).toBeGreaterThan(0);
      expect(payments.length).toBeGreaterThan(0);
    });

    it('resolves a subscription, an invoice and a credit note of the enabled organization', async () => {
      const [stored] = await sql<{
        subscriptionId: string;
        subscriptionNumber: string;
        invoiceId: string;
        invoiceNumber: string;
        creditNoteId: string;
        creditNoteNumber: string;
      }>(
        `SELECT s.id AS "subscriptionId", s.number AS "subscriptionNumber",
                i.id AS "invoiceId", i.number AS "invoiceNumber",
                n.id AS "creditNoteId", n.number AS "creditNoteNumber"
           FROM billing.credit_note n
           JOIN billing.invoice i ON i.id = n.invoice_id
           JOIN billing.subscription s ON s.id = i.subscription_id
          WHERE n.organization_id = $1 ORDER BY n.number LIMIT 1`,
        [organizationId],
      );
      const res = await graph.query(
        'admin',
        `query($s: ID!, $i: ID!, $n: ID!) {
          billingSubscription(id: $s) { id number }
          billingInvoice(id: $i) { id number subscription { id } }
          billingCreditNote(id: $n) { id number }
        }`,
        { s: stored.subscriptionId, i: stored.invoiceId, n: stored.creditNoteId },
      );
      expectNoErrors(res);
      expect(res.data).toEqual({
        billingSubscription: { id: stored.subscriptionId, number: stored.subscriptionNumber },
        billingInvoice: {
          id: stored.invoiceId,
          number: stored.invoiceNumber,
          subscription: { id: stored.subscriptionId },
        },
        billingCreditNote: { id: stored.creditNoteId, number: stored.creditNoteNumber },
      });
    });

    it.each([
      ['an unknown id', '00000000-0000-4000-8000-000000000000'],
      ['a malformed id', 'not-an-id'],
    ])('answers null without an error for %s', async (_label, id) => {
      const res = await graph.query(
        'admin',
        `query($id: ID!) {
          billingSubscription(id: $id) { id }
          billingInvoice(id: $id) { id }
          billingCreditNote(id: $id) { id }
          billingCustomer(contactId: "00000000-0000-4000-8000-000000000000") { id }
        }`,
        { id },
      );
      expectNoErrors(res);
      expect(res.data).toEqual({
        billingSubscription: null,
        billingInvoice: null,
        billingCreditNote: null,
        billingCustomer: null,
      });
    });

    it("answers null for the other organization's documents", async () => {
      const [other] = await sql<{ subscriptionId: string; invoiceId: string }>(
        `SELECT s.id AS "subscriptionId", i.id AS "invoiceId"
           FROM billing.subscription s JOIN billing.invoice i ON i.subscription_id = s.id
          WHERE s.organization_id <> $1 ORDER BY s.number LIMIT 1`,
        [organizationId],
      );
      const res = await graph.query(
        'admin',
        'query($s: ID!, $i: ID!) { billingSubscription(id: $s) { id } billingInvoice(id: $i) { id } }',
        { s: other.subscriptionId, i: other.invoiceId },
      );
      expectNoErrors(res);
      expect(res.data).toEqual({ billingSubscription: null, billingInvoice: null });
    });

    it("finds a contact's customer record by contact id, with its addresses (BIL-2)", async () => {
      const res = await graph.query<{ billingCustomer: unknown }>(
        'admin',
        `query($contactId: ID!) {
          billingCustomer(contactId: $contactId) {
            id name email companyName contact { id }
            billingAddress { ${ADDRESS} } shippingAddress { ${ADDRESS} }
            unusedCredits creditBalance outstanding
          }
        }`,
        { contactId: ticket.contactId },
      );
      expectNoErrors(res);
      expect(res.data?.billingCustomer).toEqual((await expectedCustomers(showcase))[0]);
    });

    it('refuses a malformed contact id for billingCustomer with BAD_USER_INPUT', async () => {
      const res = await graph.query('admin', '{ billingCustomer(contactId: "not-an-id") { id } }');
      expectError(res, 'BAD_USER_INPUT', ['billingCustomer']);
    });
  });
});
