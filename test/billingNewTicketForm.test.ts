import { Graph, startGraph } from './harness';
import { expectNoErrors, mutateOk, sqlOn } from './expectations';

/**
 * BIL-5: on the new-ticket form, given what was typed for the contact and the account, the
 * matching contacts come with their billing data before any ticket exists, and the account with
 * its billing overview. Checked with a contact made here (no ticket, a billing customer record
 * made through createBillingCustomer) and with a demo contact that has billing documents. The
 * contacts, account and customer record made here are removed in afterAll.
 */

// Letters only, so that the token can be part of a name searched for.
const RUN = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
const TOKEN = `Bnf${RUN}`;

interface Address {
  attention: string | null;
  street: string;
  city: string;
  state: string | null;
  zip: string | null;
  country: string;
}

interface Figures {
  unusedCredits: number;
  creditBalance: number;
  outstanding: number;
  currency: string;
}

interface ContactBilling {
  customers: {
    id: string;
    name: string;
    email: string;
    companyName: string | null;
    billingAddress: Address | null;
    shippingAddress: Address | null;
  }[];
  overview: Figures;
  subscriptions: { totalCount: number; nodes: { number: string; status: string }[] };
  invoices: { totalCount: number; nodes: { number: string; status: string }[] };
}

interface FormContact {
  id: string;
  name: string;
  email: string;
  billing: ContactBilling | null;
}

interface Form {
  account: { id: string; name: string; billing: { overview: Figures } | null };
  contacts: FormContact[];
}

const ADDRESS = 'attention street city state zip country';
const CONTACT_BILLING = `
  customers {
    id name email companyName
    billingAddress { ${ADDRESS} } shippingAddress { ${ADDRESS} }
  }
  overview { unusedCredits creditBalance outstanding currency }
  subscriptions(first: 100) { totalCount nodes { number status } }
  invoices(first: 100) { totalCount nodes { number status } }
`;
const FORM = `query($contact: String!, $accountId: ID!) {
  newTicketForm(contact: $contact, accountId: $accountId) {
    account { id name billing { overview { unusedCredits creditBalance outstanding currency } } }
    contacts { id name email billing { ${CONTACT_BILLING} } }
  }
}`;
const CONTACT_PANEL = `query($id: ID!) { contact(id: $id) { billing { ${CONTACT_BILLING} } } }`;
const ACCOUNT_OVERVIEW = `query($id: ID!) {
  account(id: $id) { billing { overview { unusedCredits creditBalance outstanding currency } } }
}`;
const CREATE_CUSTOMER = `mutation($input: CreateBillingCustomerInput!) {
  createBillingCustomer(input: $input) {
    id name email companyName contact { id }
    billingAddress { ${ADDRESS} } shippingAddress { ${ADDRESS} }
  }
}`;

const KYOTO: Address = {
  attention: null,
  street: '12 Karasuma-dori, Shimogyo-ku',
  city: 'Kyoto',
  state: 'Kyoto',
  zip: '600-8001',
  country: 'Japan',
};

let graph: Graph;
const { sql } = sqlOn(() => graph.dataSources.billing);
const desk = sqlOn(() => graph.dataSources.desk);

const createdContacts: string[] = [];
const createdAccounts: string[] = [];
const createdCustomers: string[] = [];
let organizationId: string;
let currency: string;

async function form(contact: string, accountId: string): Promise<Form> {
  const res = await graph.query<{ newTicketForm: Form }>('admin', FORM, { contact, accountId });
  expectNoErrors(res);
  return res.data?.newTicketForm as Form;
}

async function contactBilling(id: string): Promise<ContactBilling | null> {
  const res = await graph.query<{ contact: { billing: ContactBilling | null } }>(
    'admin',
    CONTACT_PANEL,
    { id },
  );
  expectNoErrors(res);
  return res.data?.contact.billing ?? null;
}

async function createContact(
  firstName: string,
  lastName: string,
  primaryAccountId: string,
): Promise<{ id: string; name: string; email: string }> {
  const contact = await mutateOk<{ id: string; name: string; email: string }>(
    graph,
    'admin',
    'mutation($input: CreateContactInput!) { createContact(input: $input) { id name email } }',
    {
      input: {
        firstName,
        lastName,
        // Mixed case: billing keeps the e-mail in lower case.
        email: `${firstName}.${lastName}@Example.test`,
        primaryAccountId,
      },
    },
  );
  createdContacts.push(contact.id);
  return contact;
}

/**
 * BIL-6's overview figures of these contacts' customer records, with SQL of its own: open credit
 * left, payments not applied, and what sent, partly paid and overdue invoices still ask for.
 */
async function figuresOf(contactIds: readonly string[]): Promise<Figures> {
  const [row] = await sql<{ credits: string; payments: string; outstanding: string }>(
    `WITH customers AS (
       SELECT id FROM billing.customer WHERE organization_id = $2 AND contact_id = ANY($1::uuid[])
     ), paid_by_payments AS (
       SELECT invoice_id, sum(amount) AS paid FROM billing.payment_application GROUP BY invoice_id
     ), paid_by_credits AS (
       SELECT invoice_id, sum(amount) AS paid FROM billing.credit_application GROUP BY invoice_id
     ), credit_used AS (
       SELECT credit_note_id, sum(amount) AS used FROM billing.credit_application
        GROUP BY credit_note_id
     ), refunded AS (
       SELECT credit_note_id, sum(amount) AS used FROM billing.refund GROUP BY credit_note_id
     ), payment_used AS (
       SELECT payment_id, sum(amount) AS used FROM billing.payment_application GROUP BY payment_id
     )
     SELECT
       (SELECT COALESCE(sum(n.total - COALESCE(u.used, 0) - COALESCE(r.used, 0)), 0)
          FROM billing.credit_note n
          JOIN customers c ON c.id = n.customer_id
          LEFT JOIN credit_used u ON u.credit_note_id = n.id
          LEFT JOIN refunded r ON r.credit_note_id = n.id
         WHERE n.status = 'OPEN')::text AS credits,
       (SELECT COALESCE(sum(p.amount - COALESCE(u.used, 0)), 0)
          FROM billing.payment p
          JOIN customers c ON c.id = p.customer_id
          LEFT JOIN payment_used u ON u.payment_id = p.id)::text AS payments,
       (SELECT COALESCE(sum(i.total - COALESCE(pp.paid, 0) - COALESCE(pc.paid, 0)), 0)
          FROM billing.invoice i
          JOIN customers c ON c.id = i.customer_id
          LEFT JOIN paid_by_payments pp ON pp.invoice_id = i.id
          LEFT JOIN paid_by_credits pc ON pc.invoice_id = i.id
         WHERE i.status IN ('SENT', 'PARTIALLY_PAID', 'OVERDUE'))::text AS outstanding`,
    [contactIds, organizationId],
  );
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  return {
    unusedCredits: cents(row.credits) / 100,
    creditBalance: (cents(row.credits) + cents(row.payments)) / 100,
    outstanding: cents(row.outstanding) / 100,
    currency,
  };
}

beforeAll(async () => {
  graph = await startGraph();
  [{ organizationId, currency }] = await sql<{ organizationId: string; currency: string }>(
    `SELECT i.organization_id AS "organizationId", o.currency
       FROM billing.integration i JOIN billing.organization o ON o.id = i.organization_id
      WHERE i.status = 'ENABLED'`,
  );
});

afterAll(async () => {
  await sql('DELETE FROM billing.customer WHERE id = ANY($1::uuid[])', [createdCustomers]);
  // Account links go with their contacts and accounts (ON DELETE CASCADE).
  await desk.sql('DELETE FROM desk.contact WHERE id = ANY($1::uuid[])', [createdContacts]);
  await desk.sql('DELETE FROM desk.account WHERE id = ANY($1::uuid[])', [createdAccounts]);
  await graph.stop();
});

describe('BIL-5: billing data on the new-ticket form', () => {
  /** A demo contact whose customer record has subscriptions and invoices, and its account. */
  let demo: {
    id: string;
    firstName: string;
    lastName: string;
    email: string;
    accountId: string;
    accountName: string;
  };
  let fresh: { id: string; name: string; email: string };
  let stranger: { id: string; name: string; email: string };
  let otherAccount: string;

  beforeAll(async () => {
    const [candidate] = await sql<{ contactId: string }>(
      `SELECT c.contact_id AS "contactId" FROM billing.customer c
        WHERE c.organization_id = $1 AND c.contact_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM billing.invoice i WHERE i.customer_id = c.id)
        ORDER BY (SELECT count(*) FROM billing.subscription s WHERE s.customer_id = c.id) DESC,
                 c.contact_id
        LIMIT 1`,
      [organizationId],
    );
    [demo] = await desk.sql<typeof demo>(
      `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.email,
              a.id AS "accountId", a.name AS "accountName"
         FROM desk.contact c
         JOIN desk.contact_account l ON l.contact_id = c.id
         JOIN desk.account a ON a.id = l.account_id
        WHERE c.id = $1 ORDER BY l.is_primary DESC LIMIT 1`,
      [candidate.contactId],
    );
    fresh = await createContact(TOKEN, 'Newcomer', demo.accountId);
    const { id } = await mutateOk<{ id: string }>(
      graph,
      'admin',
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { name: `${TOKEN} Elsewhere Ltd` } },
    );
    createdAccounts.push(id);
    otherAccount = id;
    // Matches the same text, but belongs only to the other account.
    stranger = await createContact(TOKEN, 'Outsider', otherAccount);
  });

  it('shows a contact with no ticket yet: first no customer record, then the one just created, with an empty panel', async () => {
    expect(await desk.sql('SELECT id FROM desk.ticket WHERE contact_id = $1', [fresh.id])).toEqual(
      [],
    );
    const empty = {
      overview: { unusedCredits: 0, creditBalance: 0, outstanding: 0, currency },
      subscriptions: { totalCount: 0, nodes: [] },
      invoices: { totalCount: 0, nodes: [] },
    };

    const before = await form(TOKEN, demo.accountId);
    expect(before.contacts).toEqual([
      { id: fresh.id, name: fresh.name, email: fresh.email, billing: { customers: [], ...empty } },
    ]);

    const customer = await mutateOk<{ id: string }>(graph, 'admin', CREATE_CUSTOMER, {
      input: { contactId: fresh.id, billingAddress: KYOTO },
    });
    createdCustomers.push(customer.id);
    const record = {
      id: customer.id,
      name: `${TOKEN} Newcomer`,
      email: fresh.email.toLowerCase(),
      // Without a company name given it is the contact's primary account's, as desk has it.
      companyName: demo.accountName,
      billingAddress: KYOTO,
      // Defaults to the billing address.
      shippingAddress: KYOTO,
    };
    expect(customer).toEqual({ ...record, contact: { id: fresh.id } });

    const after = await form(TOKEN, demo.accountId);
    expect(after.contacts).toEqual([
      {
        id: fresh.id,
        name: fresh.name,
        email: fresh.email,
        billing: { customers: [record], ...empty },
      },
    ]);
    expect(after.contacts[0].billing).toEqual(await contactBilling(fresh.id));
    const [stored] = await sql<{ contactId: string; organizationId: string }>(
      `SELECT contact_id AS "contactId", organization_id AS "organizationId"
         FROM billing.customer WHERE id = $1`,
      [customer.id],
    );
    expect(stored).toEqual({ contactId: fresh.id, organizationId });
  });

  it("shows the account's billing overview, summed over all its contacts' documents", async () => {
    const result = await form(TOKEN, demo.accountId);
    const res = await graph.query<{ account: { id: string; billing: { overview: Figures } } }>(
      'admin',
      ACCOUNT_OVERVIEW,
      { id: demo.accountId },
    );
    expectNoErrors(res);
    const linked = await desk.sql<{ contactId: string }>(
      'SELECT contact_id AS "contactId" FROM desk.contact_account WHERE account_id = $1',
      [demo.accountId],
    );
    const expected = await figuresOf(linked.map((row) => row.contactId));
    expect(result.account).toEqual({
      id: demo.accountId,
      name: demo.accountName,
      billing: { overview: expected },
    });
    expect(res.data?.account.billing.overview).toEqual(expected);
    expect(expected.unusedCredits + expected.creditBalance + expected.outstanding).toBeGreaterThan(
      0,
    );
  });

  it.each([
    ['its e-mail', () => demo.email],
    ['its full name', () => `${demo.firstName} ${demo.lastName}`],
  ])(
    'finds a demo contact with billing documents by %s, with the figures of its contact panel',
    async (_label, typed) => {
      const result = await form(typed(), demo.accountId);
      const found = result.contacts.find((contact) => contact.id === demo.id);
      expect(found).toBeDefined();
      const panel = await contactBilling(demo.id);
      expect(found?.billing).toEqual(panel);

      // And what the panel says is what billing stores for the contact.
      const [customer] = await sql<{ id: string; email: string }>(
        'SELECT id, email FROM billing.customer WHERE contact_id = $1 AND organization_id = $2',
        [demo.id, organizationId],
      );
      const subscriptions = await sql<{ number: string; status: string }>(
        `SELECT number, status FROM billing.subscription WHERE customer_id = $1
          ORDER BY created_at DESC, id DESC`,
        [customer.id],
      );
      const invoices = await sql<{ number: string; status: string }>(
        `SELECT number, status FROM billing.invoice WHERE customer_id = $1
          ORDER BY issued_on DESC, id DESC`,
        [customer.id],
      );
      expect(found?.billing?.customers.map((c) => ({ id: c.id, email: c.email }))).toEqual([
        customer,
      ]);
      expect(found?.billing?.subscriptions).toEqual({
        totalCount: subscriptions.length,
        nodes: subscriptions,
      });
      expect(found?.billing?.invoices).toEqual({ totalCount: invoices.length, nodes: invoices });
      expect(found?.billing?.overview).toEqual(await figuresOf([demo.id]));
      expect(subscriptions.length).toBeGreaterThan(0);
      expect(invoices.length).toBeGreaterThan(0);
    },
  );

  it('does not return a contact of another account, whose own form shows its (empty) billing', async () => {
    const ofDemoAccount = await form(TOKEN, demo.accountId);
    expect(ofDemoAccount.contacts.map((contact) => contact.id)).toEqual([fresh.id]);

    const ofOtherAccount = await form(TOKEN, otherAccount);
    expect(ofOtherAccount.contacts.map((contact) => contact.id)).toEqual([stranger.id]);
    expect(ofOtherAccount.contacts[0].billing).toEqual({
      customers: [],
      overview: { unusedCredits: 0, creditBalance: 0, outstanding: 0, currency },
      subscriptions: { totalCount: 0, nodes: [] },
      invoices: { totalCount: 0, nodes: [] },
    });
    expect(ofOtherAccount.account.billing).toEqual({
      overview: { unusedCredits: 0, creditBalance: 0, outstanding: 0, currency },
    });
  });
});
