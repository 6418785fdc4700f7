import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { DemoAgent, Graph, postGraphQL, startGraph } from './harness';
import { type AdminRow, integrationState, type IntegrationRow } from './integrationState';
import { errorCodes, expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';

/**
 * BIL-1, BIL-2 and BIL-7 through the gateway, and createBillingInvoice: which organizations an
 * administrator is offered and how one is chosen; customer records with their addresses; draft
 * invoices from a ticket; and what disabling and deleting do to the panels, to the contact
 * mappings and ticket links, and to creating records from desk. The database is shared with the
 * other test files, so every test puts the integration, the organization administrators and the
 * associations back as it found them; afterAll does it once more should a test have failed
 * midway, and removes what this file made.
 */

const ADMIN_EMAIL = DEMO_AGENTS[0].email;
const AGENT_EMAIL = DEMO_AGENTS[1].email;
const NON_ADMINISTRATORS: DemoAgent[] = ['agent', 'newAgent', 'light'];

type Status = 'NOT_SET_UP' | 'ENABLED' | 'DISABLED' | 'DELETED';

interface Organization {
  id: string;
  name: string;
  currency: string;
  administrators: string[];
}

interface Integration {
  status: Status;
  organization: { id: string; name: string } | null;
}

interface Address {
  attention: string | null;
  street: string;
  city: string;
  state: string | null;
  zip: string | null;
  country: string;
}

interface CustomerRow {
  id: string;
  contact_id: string | null;
  name: string;
  company_name: string | null;
  billing_address: Address | null;
  shipping_address: Address | null;
}

interface InvoiceLink {
  id: string;
  ticket_id: string | null;
  /** As text, like IntegrationRow.changed_at; unlinking changes it too. */
  updated_at: string;
}

interface Ids {
  nodes: { id: string }[];
}

interface Panels {
  ticket: { billing: { customers: { id: string }[]; invoices: Ids } | null };
  contact: {
    billing: {
      customers: { id: string }[];
      overview: { unusedCredits: number; creditBalance: number; outstanding: number };
      invoices: { totalCount: number };
    } | null;
  };
  account: { billing: { customers: { id: string }[] } | null };
}

interface CreditPanel {
  contact: {
    billing: {
      customers: { id: string }[];
      overview: { unusedCredits: number; creditBalance: number };
      creditNotes: { totalCount: number };
    } | null;
  };
}

interface Invoice {
  id: string;
  number: string;
  status: string;
  issuedOn: string;
  dueOn: string;
  currency: string;
  total: number;
  amountPaid: number;
  balanceDue: number;
  customer: { id: string };
  subscription: { id: string; number: string } | null;
  ticket: { id: string } | null;
  lineItems: { description: string; quantity: number; rate: number; amount: number }[];
}

interface Customer {
  id: string;
  name: string;
  email: string;
  companyName: string | null;
  contact: { id: string } | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  unusedCredits: number;
  creditBalance: number;
  outstanding: number;
}

const ORGANIZATIONS = '{ billingOrganizations { id name currency administrators } }';
const INTEGRATION = '{ billingIntegration { status organization { id name } } }';
const ENABLE = `mutation ($organizationId: ID) {
  enableBilling(organizationId: $organizationId) { status organization { id name } }
}`;
const DISABLE = 'mutation { disableBilling { status organization { id name } } }';
const DELETE = 'mutation { deleteBilling { status organization { id name } } }';
const CREATE_ORGANIZATION = `mutation ($input: CreateBillingOrganizationInput!) {
  createBillingOrganization(input: $input) { id name currency administrators }
}`;
const PANELS = `query ($ticketId: ID!, $contactId: ID!, $accountId: ID!) {
  ticket(id: $ticketId) {
    billing { customers { id } invoices(scope: THIS_TICKET, first: 100) { nodes { id } } }
  }
  contact(id: $contactId) {
    billing {
      customers { id }
      overview { unusedCredits creditBalance outstanding }
      invoices(first: 100) { totalCount }
    }
  }
  account(id: $accountId) { billing { customers { id } } }
}`;
const CREDIT_PANEL = `query ($id: ID!) {
  contact(id: $id) {
    billing {
      customers { id }
      overview { unusedCredits creditBalance }
      creditNotes(first: 100) { totalCount }
    }
  }
}`;
const ADDRESS_FIELDS = 'attention street city state zip country';
const CUSTOMER_FIELDS = `id name email companyName contact { id }
  billingAddress { ${ADDRESS_FIELDS} } shippingAddress { ${ADDRESS_FIELDS} }
  unusedCredits creditBalance outstanding`;
const CREATE_CUSTOMER = `mutation ($input: CreateBillingCustomerInput!) {
  createBillingCustomer(input: $input) { ${CUSTOMER_FIELDS} }
}`;
const UPDATE_CUSTOMER = `mutation ($id: ID!, $input: UpdateBillingCustomerInput!) {
  updateBillingCustomer(id: $id, input: $input) { ${CUSTOMER_FIELDS} }
}`;
const CUSTOMER_OF_CONTACT = `query ($contactId: ID!) {
  billingCustomer(contactId: $contactId) { ${CUSTOMER_FIELDS} }
}`;
const INVOICE_FIELDS = `id number status issuedOn dueOn currency total amountPaid balanceDue
  customer { id } subscription { id number } ticket { id }
  lineItems { description quantity rate amount }`;
const CREATE_INVOICE = `mutation ($input: CreateBillingInvoiceInput!) {
  createBillingInvoice(input: $input) { ${INVOICE_FIELDS} }
}`;
const INVOICE = `query ($id: ID!) {
  billingInvoice(id: $id) { id ticket { id } customer { id contact { id } } }
}`;
const CREATE_CONTACT = `mutation ($input: CreateContactInput!) {
  createContact(input: $input) { id name email }
}`;

/** A jsonb parameter: SQL NULL stays NULL rather than becoming JSON null. */
const jsonOrNull = (value: unknown): string | null =>
  value === null ? null : JSON.stringify(value);

/** Customer records made for the contacts this file creates (their e-mails start so). */
const CREATED_EMAILS = 'bil2.%@example.test';

const sortedIds = (ids: Ids): string[] => ids.nodes.map((node) => node.id).sort();

/** Today (UTC) plus `days`, as YYYY-MM-DD: the invoice date is today's UTC date. */
const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const TOKYO: Address = {
  attention: 'Accounts payable',
  street: '1-2-3 Marunouchi',
  city: 'Chiyoda-ku',
  state: 'Tokyo',
  zip: '100-0005',
  country: 'Japan',
};
const OSAKA: Address = {
  attention: null,
  street: '4-5-6 Umeda',
  city: 'Kita-ku',
  state: 'Osaka',
  zip: '530-0001',
  country: 'Japan',
};

describe('the billing integration: organizations, customers, invoices, disabling, deleting', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.billing);
  const state = integrationState(sql, 'billing');
  const deskSql = <Row>(text: string, params: unknown[] = []): Promise<Row[]> =>
    graph.dataSources.desk.query(text, params);

  let cloud: { id: string; name: string };
  let labs: { id: string; name: string };
  /** An organization the demo administrator does not administer. */
  let foreign: { id: string; name: string };
  /** A ticket filed under an account with invoices created from it, its contact's customer. */
  let ticket: {
    id: string;
    contactId: string;
    accountId: string;
    customerId: string;
    invoiceIds: string[];
  };
  /** A contact whose customer record holds credit (an open credit note). */
  let credited: { contactId: string; customerId: string };
  /** A ticket whose contact's customer has a subscription, and another customer's subscription. */
  let subscribed: { ticketId: string; customerId: string; subscriptionId: string; number: string };
  let otherSubscription: { id: string; number: string };
  /** A subscription of Aozora Labs, which the integration does not use. */
  let labsSubscriptionId: string;
  /** A ticket whose contact has no customer record in Aozora Cloud. */
  let unmapped: { ticketId: string; contactName: string };

  // What the tests change, as it was before them.
  let integrationBefore: IntegrationRow;
  let adminsBefore: AdminRow[];
  let organizationsBefore: string[];
  let customersBefore: CustomerRow[];
  let invoiceLinksBefore: InvoiceLink[];

  /** What this file makes, removed in afterAll. */
  const createdContacts: string[] = [];
  const createdInvoices: string[] = [];

  const query = <T = Record<string, unknown>>(
    as: DemoAgent,
    text: string,
    variables?: Record<string, unknown>,
  ) => graph.query<T>(as, text, variables);

  const integrationRow = () => state.row();

  const restoreIntegration = () => state.restoreRow(integrationBefore);

  const restoreAdmins = () => state.restoreAdmins(adminsBefore);

  /** The contact mappings and ticket links deleteBilling removes, written back. */
  async function restoreAssociations(): Promise<void> {
    await sql(
      `UPDATE billing.customer c
       SET contact_id = s.contact_id, name = s.name, company_name = s.company_name,
           billing_address = s.billing_address, shipping_address = s.shipping_address
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])
         AS s(id, contact_id, name, company_name, billing_address, shipping_address)
       WHERE c.id = s.id AND (c.contact_id IS DISTINCT FROM s.contact_id
         OR c.name IS DISTINCT FROM s.name OR c.company_name IS DISTINCT FROM s.company_name
         OR c.billing_address IS DISTINCT FROM s.billing_address
         OR c.shipping_address IS DISTINCT FROM s.shipping_address)`,
      [
        customersBefore.map((row) => row.id),
        customersBefore.map((row) => row.contact_id),
        customersBefore.map((row) => row.name),
        customersBefore.map((row) => row.company_name),
        customersBefore.map((row) => jsonOrNull(row.billing_address)),
        customersBefore.map((row) => jsonOrNull(row.shipping_address)),
      ],
    );
    await sql(
      `UPDATE billing.invoice d SET ticket_id = s.ticket_id, updated_at = s.updated_at
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS s(id, ticket_id, updated_at)
       WHERE d.id = s.id
         AND (d.ticket_id IS DISTINCT FROM s.ticket_id OR d.updated_at <> s.updated_at)`,
      [
        invoiceLinksBefore.map((row) => row.id),
        invoiceLinksBefore.map((row) => row.ticket_id),
        invoiceLinksBefore.map((row) => row.updated_at),
      ],
    );
  }

  const customerRows = () =>
    sql<CustomerRow>(
      `SELECT id, contact_id, name, company_name, billing_address, shipping_address
         FROM billing.customer ORDER BY id`,
    );
  const invoiceLinks = () =>
    sql<InvoiceLink>('SELECT id, ticket_id, updated_at::text FROM billing.invoice ORDER BY id');

  async function panels(as: DemoAgent = 'admin'): Promise<Panels> {
    const res = await query<Panels>(as, PANELS, {
      ticketId: ticket.id,
      contactId: ticket.contactId,
      accountId: ticket.accountId,
    });
    expectNoErrors(res);
    return res.data as Panels;
  }

  async function creditPanel(): Promise<CreditPanel['contact']['billing']> {
    const res = await query<CreditPanel>('admin', CREDIT_PANEL, { id: credited.contactId });
    expectNoErrors(res);
    return res.data?.contact.billing ?? null;
  }

  async function integration(): Promise<Integration> {
    const res = await query<{ billingIntegration: Integration }>('admin', INTEGRATION);
    expectNoErrors(res);
    return res.data?.billingIntegration as Integration;
  }

  /** A desk contact made through desk's API as the administrator, with no billing record. */
  async function freshContact(
    primaryAccountId?: string,
  ): Promise<{ id: string; name: string; email: string }> {
    const contact = await mutateOk<{ id: string; name: string; email: string }>(
      graph,
      'admin',
      CREATE_CONTACT,
      {
        input: {
          firstName: unique('Bil2'),
          lastName: 'Customer',
          // Mixed case: billing keeps the address as desk normalises it.
          email: `Bil2.${randomUUID().slice(0, 8)}@Example.TEST`,
          primaryAccountId,
        },
      },
    );
    createdContacts.push(contact.id);
    return contact;
  }

  /** Removes the invoices this file made so far (numbering carries on past them). */
  async function removeCreatedInvoices(): Promise<void> {
    if (createdInvoices.length === 0) return;
    await sql('DELETE FROM billing.invoice WHERE id = ANY($1)', [createdInvoices]);
    createdInvoices.length = 0;
  }

  /** Removes the customer records made for this file's contacts, mapped or not. */
  async function removeCreatedCustomers(): Promise<void> {
    await sql('DELETE FROM billing.customer WHERE email LIKE $1', [CREATED_EMAILS]);
  }

  async function createInvoice(input: Record<string, unknown>, as: DemoAgent = 'admin') {
    const res = await query<{ createBillingInvoice: Invoice }>(as, CREATE_INVOICE, { input });
    const created = res.data?.createBillingInvoice;
    if (created) createdInvoices.push(created.id);
    return res;
  }

  /** What a refused invoice must not have written: rows, lines, and Aozora Cloud's numbering. */
  async function invoiceWrites(): Promise<Record<string, number>> {
    const [sequence] = await sql<{ next_value: number }>(
      `SELECT next_value FROM billing.document_sequence WHERE organization_id = $1 AND kind = 'INV'`,
      [cloud.id],
    );
    return {
      invoices: await count('SELECT 1 FROM billing.invoice'),
      lines: await count('SELECT 1 FROM billing.invoice_line'),
      nextNumber: sequence.next_value,
    };
  }

  /** Calls the billing subgraph itself with a valid gateway signature for the administrator. */
  const callBilling = (text: string, variables: object) =>
    postGraphQL<{ _entities: unknown[] }>(
      graph.subgraphUrls.billing,
      {
        [IDENTITY_HEADER]: signForwardedIdentity(
          { kind: 'agent', agentId: graph.agentIds.admin, email: ADMIN_EMAIL },
          config().auth,
        ),
      },
      { query: text, variables },
    );

  beforeAll(async () => {
    graph = await startGraph();
    integrationBefore = await integrationRow();
    const organizations = await sql<{ id: string; name: string }>(
      'SELECT id, name FROM billing.organization ORDER BY name',
    );
    organizationsBefore = organizations.map((org) => org.id);
    const named = (name: string) => {
      const found = organizations.find((org) => org.name === name);
      if (!found) throw new Error(`the seed has no billing organization ${name}`);
      return found;
    };
    cloud = named('Aozora Cloud');
    labs = named('Aozora Labs');
    // The seeded state these tests start from and return to.
    expect(integrationBefore).toMatchObject({ status: 'ENABLED', organization_id: cloud.id });

    [foreign] = await sql<{ id: string; name: string }>(
      `INSERT INTO billing.organization (name, currency) VALUES ($1, 'EUR') RETURNING id, name`,
      [unique('Someone else’s billing')],
    );
    await sql(
      `INSERT INTO billing.organization_admin (organization_id, email) VALUES ($1, 'someone.else@example.test')`,
      [foreign.id],
    );
    adminsBefore = await state.admins([cloud.id, labs.id]);
    customersBefore = await customerRows();
    invoiceLinksBefore = await invoiceLinks();

    const [linked] = await sql<Omit<typeof ticket, 'invoiceIds'>>(
      `SELECT t.id, t.contact_id AS "contactId", t.account_id AS "accountId", c.id AS "customerId"
         FROM desk.ticket t
         JOIN billing.customer c ON c.contact_id = t.contact_id AND c.organization_id = $1
        WHERE t.account_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM billing.invoice i WHERE i.ticket_id = t.id)
        ORDER BY t.number LIMIT 1`,
      [cloud.id],
    );
    if (!linked) throw new Error('the seed has no ticket with an invoice created from it');
    ticket = {
      ...linked,
      invoiceIds: (
        await sql<{ id: string }>('SELECT id FROM billing.invoice WHERE ticket_id = $1', [
          linked.id,
        ])
      )
        .map((row) => row.id)
        .sort(),
    };
    [credited] = await sql<typeof credited>(
      `SELECT c.contact_id AS "contactId", c.id AS "customerId"
         FROM billing.credit_note n JOIN billing.customer c ON c.id = n.customer_id
        WHERE n.organization_id = $1 AND n.status = 'OPEN' AND c.contact_id IS NOT NULL
        ORDER BY n.number LIMIT 1`,
      [cloud.id],
    );
    if (!credited) throw new Error('the seed has no customer with an open credit note');
    [subscribed] = await sql<typeof subscribed>(
      `SELECT t.id AS "ticketId", c.id AS "customerId", s.id AS "subscriptionId", s.number
         FROM desk.ticket t
         JOIN billing.customer c ON c.contact_id = t.contact_id AND c.organization_id = $1
         JOIN billing.subscription s ON s.customer_id = c.id
        ORDER BY t.number, s.number LIMIT 1`,
      [cloud.id],
    );
    [otherSubscription] = await sql<typeof otherSubscription>(
      `SELECT id, number FROM billing.subscription
        WHERE organization_id = $1 AND customer_id <> $2 ORDER BY number LIMIT 1`,
      [cloud.id, subscribed.customerId],
    );
    [{ id: labsSubscriptionId }] = await sql<{ id: string }>(
      'SELECT id FROM billing.subscription WHERE organization_id = $1 ORDER BY number LIMIT 1',
      [labs.id],
    );
    [unmapped] = await sql<typeof unmapped>(
      `SELECT t.id AS "ticketId", k.first_name || ' ' || k.last_name AS "contactName"
         FROM desk.ticket t JOIN desk.contact k ON k.id = t.contact_id
        WHERE NOT EXISTS (SELECT 1 FROM billing.customer c
                           WHERE c.organization_id = $1
                             AND (c.contact_id = t.contact_id OR c.email = lower(k.email)))
        ORDER BY t.number LIMIT 1`,
      [cloud.id],
    );
    if (!unmapped) throw new Error('every seeded ticket’s contact is a billing customer');
  });

  afterAll(async () => {
    if (integrationBefore) {
      await restoreAssociations();
      await restoreIntegration();
      await restoreAdmins();
      await removeCreatedInvoices();
      await removeCreatedCustomers();
      if (createdContacts.length > 0) {
        await deskSql('DELETE FROM desk.contact_account WHERE contact_id = ANY($1)', [
          createdContacts,
        ]);
        await deskSql('DELETE FROM desk.contact WHERE id = ANY($1)', [createdContacts]);
      }
      // Organizations made here (foreign, and those createBillingOrganization made); admins cascade.
      await sql('DELETE FROM billing.organization WHERE NOT (id = ANY($1))', [organizationsBefore]);
    }
    await graph?.stop();
  });

  describe('BIL-1: the organizations offered', () => {
    it('lists to the administrator only the organizations whose administrators include their e-mail', async () => {
      const res = await query<{ billingOrganizations: Organization[] }>('admin', ORGANIZATIONS);
      expectNoErrors(res);
      const offered = [...(res.data?.billingOrganizations ?? [])].sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      expect(offered).toEqual([
        {
          id: cloud.id,
          name: 'Aozora Cloud',
          currency: 'JPY',
          administrators: [ADMIN_EMAIL, AGENT_EMAIL].sort(),
        },
        { id: labs.id, name: 'Aozora Labs', currency: 'USD', administrators: [ADMIN_EMAIL] },
      ]);
      // The organization someone else administers exists but is not offered.
      expect(offered.map((org) => org.id)).not.toContain(foreign.id);
    });

    it.each(NON_ADMINISTRATORS)(
      'is refused to %s, who is no desk administrator, with FORBIDDEN',
      async (as) => {
        const res = await query(as, ORGANIZATIONS);
        expectError(res, 'FORBIDDEN', ['billingOrganizations']);
        expect(res.errors?.[0].message).toMatch(/Only administrators may set the billing/);
        expect(res.data ?? null).toBeNull();
      },
    );
  });

  describe('BIL-1: enabling with an organization', () => {
    afterEach(async () => {
      await restoreAdmins();
      await restoreIntegration();
    });

    it('asks to choose when the administrator administers two, naming both, and changes nothing', async () => {
      const res = await query('admin', ENABLE, {});
      expectError(res, 'BAD_USER_INPUT', ['enableBilling']);
      expect(res.errors?.[0].extensions?.field).toBe('organizationId');
      const message = res.errors?.[0].message ?? '';
      expect(message).toMatch(/2 billing organizations/);
      for (const org of [cloud, labs]) {
        expect(message).toContain(org.name);
        expect(message).toContain(org.id);
      }
      expect(message).not.toContain(foreign.id);
      expect(await integrationRow()).toEqual(integrationBefore);
    });

    it('chooses the only organization the administrator administers when none is given', async () => {
      await sql(
        'DELETE FROM billing.organization_admin WHERE organization_id = $1 AND email = $2',
        [cloud.id, ADMIN_EMAIL],
      );
      const offered = await query<{ billingOrganizations: Organization[] }>('admin', ORGANIZATIONS);
      expect(offered.data?.billingOrganizations.map((org) => org.id)).toEqual([labs.id]);
      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {});
      expect(enabled).toEqual({
        status: 'ENABLED',
        organization: { id: labs.id, name: 'Aozora Labs' },
      });
      expect(await integrationRow()).toMatchObject({
        status: 'ENABLED',
        organization_id: labs.id,
        changed_by: ADMIN_EMAIL,
      });
      expect(await integration()).toEqual(enabled);
    });

    it('tells an administrator of no organization to create one, and then enables with the one created', async () => {
      await sql(
        'DELETE FROM billing.organization_admin WHERE email = $1 AND organization_id = ANY($2)',
        [ADMIN_EMAIL, [cloud.id, labs.id]],
      );
      const none = await query<{ billingOrganizations: Organization[] }>('admin', ORGANIZATIONS);
      expectNoErrors(none);
      expect(none.data?.billingOrganizations).toEqual([]);
      const res = await query('admin', ENABLE, {});
      expectError(res, 'BAD_USER_INPUT', ['enableBilling']);
      expect(res.errors?.[0].message).toMatch(/createBillingOrganization/);
      expect(await integrationRow()).toEqual(integrationBefore);

      const name = unique('Aozora Studio');
      const refused = await query('admin', CREATE_ORGANIZATION, {
        input: { name, currency: 'YEN' },
      });
      expectError(refused, 'BAD_USER_INPUT', ['createBillingOrganization']);
      expect(await count('SELECT 1 FROM billing.organization WHERE name = $1', [name])).toBe(0);

      const created = await mutateOk<Organization>(graph, 'admin', CREATE_ORGANIZATION, {
        input: { name, currency: 'eur' },
      });
      expect(created).toEqual({
        id: expect.any(String),
        name,
        currency: 'EUR',
        administrators: [ADMIN_EMAIL],
      });
      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {});
      expect(enabled).toEqual({ status: 'ENABLED', organization: { id: created.id, name } });
      expect(await integrationRow()).toMatchObject({
        status: 'ENABLED',
        organization_id: created.id,
      });
    });

    it('enables with an organization the administrator chooses among several', async () => {
      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {
        organizationId: labs.id,
      });
      expect(enabled).toEqual({
        status: 'ENABLED',
        organization: { id: labs.id, name: 'Aozora Labs' },
      });
      expect(await integration()).toEqual(enabled);
    });

    it('refuses an organization the administrator does not administer with FORBIDDEN', async () => {
      const res = await query('admin', ENABLE, { organizationId: foreign.id });
      expectError(res, 'FORBIDDEN', ['enableBilling']);
      expect(res.errors?.[0].message).toMatch(/do not administer/);
      expect(await integrationRow()).toEqual(integrationBefore);
    });

    it.each([
      ['an unknown organization id', () => randomUUID()],
      ['a malformed organization id', () => 'not-an-organization'],
    ])('answers NOT_FOUND for %s, changing nothing', async (_label, id) => {
      const organizationId = id();
      const res = await query('admin', ENABLE, { organizationId });
      expectError(res, 'NOT_FOUND', ['enableBilling']);
      expect(res.errors?.[0].message).toContain(organizationId);
      expect(await integrationRow()).toEqual(integrationBefore);
    });

    it.each(NON_ADMINISTRATORS)(
      'refuses %s every change of the integration, even for an organization they administer',
      async (as) => {
        // The demo agent administers Aozora Cloud in billing, but is no desk administrator.
        const name = unique('Not allowed billing');
        for (const [mutation, variables] of [
          [ENABLE, { organizationId: cloud.id }],
          [DISABLE, {}],
          [DELETE, {}],
          [CREATE_ORGANIZATION, { input: { name, currency: 'JPY' } }],
        ] as const) {
          const res = await query(as, mutation, variables);
          expectError(res, 'FORBIDDEN');
          expect(res.errors?.[0].message).toMatch(/Only administrators/);
        }
        expect(await integrationRow()).toEqual(integrationBefore);
        expect(await count('SELECT 1 FROM billing.organization WHERE name = $1', [name])).toBe(0);
      },
    );
  });

  describe('createBillingOrganization', () => {
    it.each([
      [
        'a currency that is not three letters',
        { name: 'Aozora Studio', currency: 'JP' },
        'currency',
      ],
      ['a currency with other characters', { name: 'Aozora Studio', currency: 'US$' }, 'currency'],
      ['no currency', { name: 'Aozora Studio', currency: '  ' }, 'currency'],
      [
        'a three-letter code that is no ISO 4217 currency',
        { name: 'Aozora Studio', currency: 'ABC' },
        'currency',
      ],
      ['a blank name', { name: '   ', currency: 'JPY' }, 'name'],
    ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_label, input, field) => {
      const before = await count('SELECT 1 FROM billing.organization');
      const admins = await count('SELECT 1 FROM billing.organization_admin');
      const res = await query('admin', CREATE_ORGANIZATION, { input });
      expectError(res, 'BAD_USER_INPUT', ['createBillingOrganization']);
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await count('SELECT 1 FROM billing.organization')).toBe(before);
      expect(await count('SELECT 1 FROM billing.organization_admin')).toBe(admins);
    });

    it('makes the caller its administrator, so that it is offered from then on, without switching to it', async () => {
      const name = unique('Aozora Export');
      const created = await mutateOk<Organization>(graph, 'admin', CREATE_ORGANIZATION, {
        input: { name, currency: 'GBP' },
      });
      expect(created).toEqual({
        id: expect.any(String),
        name,
        currency: 'GBP',
        administrators: [ADMIN_EMAIL],
      });
      expect(
        await sql('SELECT email FROM billing.organization_admin WHERE organization_id = $1', [
          created.id,
        ]),
      ).toEqual([{ email: ADMIN_EMAIL }]);
      const res = await query<{ billingOrganizations: Organization[] }>('admin', ORGANIZATIONS);
      expect(res.data?.billingOrganizations.map((org) => org.id)).toContain(created.id);
      expect(await integrationRow()).toEqual(integrationBefore);
    });
  });

  describe('BIL-2: customer records with addresses', () => {
    let accountName: string;

    // The records made here would otherwise show on the account's panel in the tests below.
    afterAll(() => removeCreatedCustomers());

    beforeAll(async () => {
      [{ name: accountName }] = await deskSql<{ name: string }>(
        'SELECT name FROM desk.account WHERE id = $1',
        [ticket.accountId],
      );
    });

    it('creates the record of a desk contact without one, the shipping address defaulting to the billing address', async () => {
      const contact = await freshContact(ticket.accountId);
      const created = await mutateOk<Customer>(graph, 'admin', CREATE_CUSTOMER, {
        input: { contactId: contact.id, billingAddress: TOKYO },
      });
      expect(created).toEqual({
        id: expect.any(String),
        name: contact.name,
        email: contact.email.toLowerCase(),
        // The contact's primary account, read from desk.
        companyName: accountName,
        contact: { id: contact.id },
        billingAddress: TOKYO,
        shippingAddress: TOKYO,
        unusedCredits: 0,
        creditBalance: 0,
        outstanding: 0,
      });
      expect(
        await sql(
          `SELECT organization_id, contact_id, email, billing_address, shipping_address
             FROM billing.customer WHERE id = $1`,
          [created.id],
        ),
      ).toEqual([
        {
          organization_id: cloud.id,
          contact_id: contact.id,
          email: contact.email.toLowerCase(),
          billing_address: TOKYO,
          shipping_address: TOKYO,
        },
      ]);

      // It is the contact's record from now on, by contactId and on the contact's panel.
      const byContact = await query<{ billingCustomer: Customer }>('admin', CUSTOMER_OF_CONTACT, {
        contactId: contact.id,
      });
      expectNoErrors(byContact);
      expect(byContact.data?.billingCustomer).toEqual(created);
      const panel = await query<{ contact: { billing: { customers: { id: string }[] } } }>(
        'admin',
        'query ($id: ID!) { contact(id: $id) { billing { customers { id } } } }',
        { id: contact.id },
      );
      expect(panel.data?.contact.billing.customers).toEqual([{ id: created.id }]);

      // A second record for the same contact is a conflict, and nothing is added.
      const again = await query('admin', CREATE_CUSTOMER, {
        input: { contactId: contact.id, billingAddress: OSAKA },
      });
      expectError(again, 'CONFLICT', ['createBillingCustomer']);
      expect(again.errors?.[0].message).toContain(contact.email.toLowerCase());
      expect(
        await count('SELECT 1 FROM billing.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(1);
      expect(
        await sql('SELECT billing_address FROM billing.customer WHERE id = $1', [created.id]),
      ).toEqual([{ billing_address: TOKYO }]);
    });

    it('keeps a shipping address given apart from the billing address, and a company name given', async () => {
      const contact = await freshContact();
      const created = await mutateOk<Customer>(graph, 'admin', CREATE_CUSTOMER, {
        input: {
          contactId: contact.id,
          companyName: '  Kita Trading  ',
          billingAddress: TOKYO,
          shippingAddress: OSAKA,
        },
      });
      expect(created).toMatchObject({
        companyName: 'Kita Trading',
        billingAddress: TOKYO,
        shippingAddress: OSAKA,
      });
    });

    it('makes one record when two requests create it at the same time; the other is a CONFLICT', async () => {
      const contact = await freshContact();
      const responses = await Promise.all(
        [TOKYO, OSAKA].map((billingAddress) =>
          query('admin', CREATE_CUSTOMER, { input: { contactId: contact.id, billingAddress } }),
        ),
      );
      expect(responses.map((res) => errorCodes(res)).sort()).toEqual([[], ['CONFLICT']]);
      expect(
        await count('SELECT 1 FROM billing.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(1);
    });

    it.each([
      ['a blank street', { billingAddress: { ...TOKYO, street: '   ' } }, 'billingAddress.street'],
      ['a blank city', { billingAddress: { ...TOKYO, city: '' } }, 'billingAddress.city'],
      [
        'a shipping address with a blank country',
        { billingAddress: TOKYO, shippingAddress: { ...OSAKA, country: ' ' } },
        'shippingAddress.country',
      ],
    ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_label, input, field) => {
      const contact = await freshContact();
      const before = await count('SELECT 1 FROM billing.customer');
      const res = await query('admin', CREATE_CUSTOMER, {
        input: { contactId: contact.id, ...input },
      });
      expectError(res, 'BAD_USER_INPUT', ['createBillingCustomer']);
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await count('SELECT 1 FROM billing.customer')).toBe(before);
    });

    it.each([
      ['an unknown contact', () => randomUUID()],
      ['a malformed contact id', () => 'not-a-contact'],
    ])('answers NOT_FOUND for %s, writing nothing', async (_label, id) => {
      const contactId = id();
      const before = await count('SELECT 1 FROM billing.customer');
      const res = await query('admin', CREATE_CUSTOMER, {
        input: { contactId, billingAddress: TOKYO },
      });
      expectError(res, 'NOT_FOUND', ['createBillingCustomer']);
      expect(res.errors?.[0].message).toContain(contactId);
      expect(await count('SELECT 1 FROM billing.customer')).toBe(before);
    });

    describe('updateBillingCustomer', () => {
      let customer: Customer;

      beforeAll(async () => {
        const contact = await freshContact();
        customer = await mutateOk<Customer>(graph, 'admin', CREATE_CUSTOMER, {
          input: { contactId: contact.id, companyName: 'Umeda Works', billingAddress: TOKYO },
        });
      });

      it('changes the billing address alone, keeping the rest', async () => {
        const updated = await mutateOk<Customer>(graph, 'admin', UPDATE_CUSTOMER, {
          id: customer.id,
          input: { billingAddress: OSAKA },
        });
        expect(updated).toEqual({ ...customer, billingAddress: OSAKA, shippingAddress: TOKYO });
        customer = updated;
      });

      it('changes the shipping address and the company name', async () => {
        const shipping = { ...TOKYO, attention: 'Warehouse', street: '7-8-9 Ariake' };
        const updated = await mutateOk<Customer>(graph, 'admin', UPDATE_CUSTOMER, {
          id: customer.id,
          input: { shippingAddress: shipping, companyName: 'Umeda Works KK' },
        });
        expect(updated).toEqual({
          ...customer,
          companyName: 'Umeda Works KK',
          shippingAddress: shipping,
        });
        expect(
          await sql(
            'SELECT company_name, billing_address, shipping_address FROM billing.customer WHERE id = $1',
            [customer.id],
          ),
        ).toEqual([
          { company_name: 'Umeda Works KK', billing_address: OSAKA, shipping_address: shipping },
        ]);
        customer = updated;
      });

      it.each([
        ['nothing to change', {}],
        ['a billing address with a blank street', { billingAddress: { ...OSAKA, street: ' ' } }],
      ])('refuses %s with BAD_USER_INPUT, changing nothing', async (_label, input) => {
        const [before] = await sql('SELECT * FROM billing.customer WHERE id = $1', [customer.id]);
        const res = await query('admin', UPDATE_CUSTOMER, { id: customer.id, input });
        expectError(res, 'BAD_USER_INPUT', ['updateBillingCustomer']);
        expect(await sql('SELECT * FROM billing.customer WHERE id = $1', [customer.id])).toEqual([
          before,
        ]);
      });

      it('answers NOT_FOUND for a customer of an organization the integration does not use', async () => {
        const [labsCustomer] = await sql<{ id: string }>(
          'SELECT id FROM billing.customer WHERE organization_id = $1 ORDER BY id LIMIT 1',
          [labs.id],
        );
        const [before] = await sql('SELECT * FROM billing.customer WHERE id = $1', [
          labsCustomer.id,
        ]);
        const res = await query('admin', UPDATE_CUSTOMER, {
          id: labsCustomer.id,
          input: { billingAddress: OSAKA },
        });
        expectError(res, 'NOT_FOUND', ['updateBillingCustomer']);
        expect(
          await sql('SELECT * FROM billing.customer WHERE id = $1', [labsCustomer.id]),
        ).toEqual([before]);
      });

      it('answers NOT_FOUND for a customer that does not exist', async () => {
        const id = randomUUID();
        const res = await query('admin', UPDATE_CUSTOMER, { id, input: { billingAddress: OSAKA } });
        expectError(res, 'NOT_FOUND', ['updateBillingCustomer']);
        expect(res.errors?.[0].message).toContain(id);
      });
    });
  });

  describe('createBillingInvoice: a draft invoice from a ticket', () => {
    // Their ticket links would otherwise show on the panels compared below.
    afterAll(() => removeCreatedInvoices());

    const LINES = [
      { description: 'Onboarding workshop', quantity: 3, rate: 12000 },
      { description: 'Extra seats', quantity: 2, rate: 4500 },
    ];

    it('numbers it after the highest number, links it to the ticket, and totals its lines', async () => {
      const [{ highest }] = await sql<{ highest: string }>(
        'SELECT max(number) AS highest FROM billing.invoice WHERE organization_id = $1',
        [cloud.id],
      );
      const before = await invoiceWrites();
      const res = await createInvoice({ ticketId: subscribed.ticketId, lineItems: LINES });
      expectNoErrors(res);
      const invoice = res.data?.createBillingInvoice as Invoice;
      const today = dayFromToday(0);
      expect(invoice).toEqual({
        id: expect.any(String),
        // The numbering carries on from the sequence, which never hands a number out twice.
        number: `INV-${String(before.nextNumber).padStart(5, '0')}`,
        status: 'DRAFT',
        issuedOn: today,
        dueOn: dayFromToday(30),
        currency: 'JPY',
        total: 3 * 12000 + 2 * 4500,
        amountPaid: 0,
        balanceDue: 3 * 12000 + 2 * 4500,
        customer: { id: subscribed.customerId },
        subscription: null,
        ticket: { id: subscribed.ticketId },
        lineItems: [
          { description: 'Onboarding workshop', quantity: 3, rate: 12000, amount: 36000 },
          { description: 'Extra seats', quantity: 2, rate: 4500, amount: 9000 },
        ],
      });
      expect(invoice.number > highest).toBe(true);
      expect(await invoiceWrites()).toEqual({
        invoices: before.invoices + 1,
        lines: before.lines + 2,
        nextNumber: before.nextNumber + 1,
      });
      expect(
        await sql(
          'SELECT organization_id, ticket_id, created_by FROM billing.invoice WHERE id = $1',
          [invoice.id],
        ),
      ).toEqual([
        { organization_id: cloud.id, ticket_id: subscribed.ticketId, created_by: ADMIN_EMAIL },
      ]);

      // BIL-6: it is on the ticket's panel under "this ticket".
      const panel = await query<{ ticket: { billing: { invoices: Ids } } }>(
        'admin',
        `query ($id: ID!) {
          ticket(id: $id) { billing { invoices(scope: THIS_TICKET, first: 100) { nodes { id } } } }
        }`,
        { id: subscribed.ticketId },
      );
      expectNoErrors(panel);
      expect(panel.data?.ticket.billing.invoices.nodes).toContainEqual({ id: invoice.id });
    });

    it('bills a subscription of the same customer, by a due date given', async () => {
      const dueOn = dayFromToday(7);
      const res = await createInvoice({
        ticketId: subscribed.ticketId,
        subscriptionId: subscribed.subscriptionId,
        lineItems: [{ description: 'Plan upgrade', quantity: 1, rate: 5000 }],
        dueOn,
      });
      expectNoErrors(res);
      expect(res.data?.createBillingInvoice).toMatchObject({
        dueOn,
        total: 5000,
        subscription: { id: subscribed.subscriptionId, number: subscribed.number },
      });
      const subscription = await query<{ billingSubscription: { invoices: { id: string }[] } }>(
        'admin',
        'query ($id: ID!) { billingSubscription(id: $id) { invoices { id } } }',
        { id: subscribed.subscriptionId },
      );
      expect(subscription.data?.billingSubscription.invoices).toContainEqual({
        id: res.data?.createBillingInvoice.id,
      });
    });

    it('accepts a due date of today', async () => {
      const res = await createInvoice({
        ticketId: subscribed.ticketId,
        lineItems: [{ description: 'Same-day', quantity: 1, rate: 0 }],
        dueOn: dayFromToday(0),
      });
      expectNoErrors(res);
      expect(res.data?.createBillingInvoice).toMatchObject({
        dueOn: dayFromToday(0),
        total: 0,
      });
    });

    /** Input, expected code, the field named, and a message part. */
    const REFUSALS: [string, () => Record<string, unknown>, string, string | null, RegExp][] = [
      [
        "another customer's subscription",
        () => ({
          ticketId: subscribed.ticketId,
          subscriptionId: otherSubscription.id,
          lineItems: LINES,
        }),
        'BAD_USER_INPUT',
        'subscriptionId',
        /not the ticket contact's/,
      ],
      [
        'a subscription that does not exist',
        () => ({ ticketId: subscribed.ticketId, subscriptionId: randomUUID(), lineItems: LINES }),
        'NOT_FOUND',
        null,
        /BillingSubscription/,
      ],
      [
        'a subscription of another organization',
        () => ({
          ticketId: subscribed.ticketId,
          subscriptionId: labsSubscriptionId,
          lineItems: LINES,
        }),
        'NOT_FOUND',
        null,
        /BillingSubscription/,
      ],
      [
        'a ticket whose contact has no customer record',
        () => ({ ticketId: unmapped.ticketId, lineItems: LINES }),
        'BAD_USER_INPUT',
        'ticketId',
        /createBillingCustomer/,
      ],
      [
        'a ticket that does not exist',
        () => ({ ticketId: randomUUID(), lineItems: LINES }),
        'NOT_FOUND',
        null,
        /Ticket/,
      ],
      [
        'no line items',
        () => ({ ticketId: subscribed.ticketId, lineItems: [] }),
        'BAD_USER_INPUT',
        'lineItems',
        /at least one line/,
      ],
      [
        'more than 100 line items',
        () => ({
          ticketId: subscribed.ticketId,
          lineItems: Array.from({ length: 101 }, () => LINES[1]),
        }),
        'BAD_USER_INPUT',
        'lineItems',
        /at most 100 lines/,
      ],
      [
        'a quantity of 0',
        () => ({
          ticketId: subscribed.ticketId,
          lineItems: [LINES[0], { ...LINES[1], quantity: 0 }],
        }),
        'BAD_USER_INPUT',
        'lineItems[1]',
        /quantity/,
      ],
      [
        'a rate with 3 decimals',
        () => ({ ticketId: subscribed.ticketId, lineItems: [{ ...LINES[0], rate: 12.345 }] }),
        'BAD_USER_INPUT',
        'lineItems[0]',
        /rate/,
      ],
      // The validation admits rates up to 10,000,000,000 and quantities up to 1,000,000, but the
      // invoice's columns hold rates below 10^10 and amounts below 10^12: beyond them the input
      // is the caller's mistake and must be refused as such, not fail in the database.
      [
        'a rate of 10,000,000,000, which a rate column cannot hold',
        () => ({
          ticketId: subscribed.ticketId,
          lineItems: [{ ...LINES[0], quantity: 1, rate: 10_000_000_000 }],
        }),
        'BAD_USER_INPUT',
        'lineItems[0]',
        /rate/,
      ],
      [
        'a line of 1,000,000 × 1,000,000, whose amount an invoice cannot hold',
        () => ({
          ticketId: subscribed.ticketId,
          lineItems: [{ ...LINES[0], quantity: 1_000_000, rate: 1_000_000 }],
        }),
        'BAD_USER_INPUT',
        'lineItems[0]',
        /amount|total|rate|quantity/,
      ],
      [
        'a negative rate',
        () => ({ ticketId: subscribed.ticketId, lineItems: [{ ...LINES[0], rate: -1 }] }),
        'BAD_USER_INPUT',
        'lineItems[0]',
        /rate/,
      ],
      [
        'a blank description',
        () => ({ ticketId: subscribed.ticketId, lineItems: [{ ...LINES[0], description: ' ' }] }),
        'BAD_USER_INPUT',
        'lineItems[0].description',
        /description/,
      ],
      [
        'a due date before today',
        () => ({ ticketId: subscribed.ticketId, lineItems: LINES, dueOn: dayFromToday(-1) }),
        'BAD_USER_INPUT',
        'dueOn',
        /before the invoice date/,
      ],
    ];

    it.each(REFUSALS)(
      'refuses %s, writing nothing',
      async (_label, input, code, field, message) => {
        const before = await invoiceWrites();
        const res = await createInvoice(input());
        // Nothing half-written, and no number used up, whatever the refusal.
        expect(await invoiceWrites()).toEqual(before);
        expect(res.data ?? null).toBeNull();
        expectError(res, code, ['createBillingInvoice']);
        expect(res.errors?.[0].message).toMatch(message);
        if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
      },
    );

    it('gives invoices created at the same time consecutive numbers, each once', async () => {
      const before = await invoiceWrites();
      const responses = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          createInvoice({
            ticketId: subscribed.ticketId,
            lineItems: [{ description: `Concurrent ${n}`, quantity: 1, rate: 1000 }],
          }),
        ),
      );
      responses.forEach(expectNoErrors);
      const numbers = responses.map((res) => res.data?.createBillingInvoice.number).sort();
      expect(numbers).toEqual(
        [0, 1, 2, 3].map((n) => `INV-${String(before.nextNumber + n).padStart(5, '0')}`),
      );
      expect((await invoiceWrites()).nextNumber).toBe(before.nextNumber + 4);
    });

    it("names the contact and createBillingCustomer when the ticket's contact has no record", async () => {
      const res = await createInvoice({ ticketId: unmapped.ticketId, lineItems: LINES });
      expectError(res, 'BAD_USER_INPUT', ['createBillingInvoice']);
      expect(res.errors?.[0].message).toContain(unmapped.contactName);
      expect(res.errors?.[0].message).toMatch(/create it with createBillingCustomer first/);
    });
  });

  describe('BIL-7: disabling hides the data and keeps the associations', () => {
    afterEach(async () => {
      await restoreAssociations();
      await restoreIntegration();
    });

    it('hides every panel and record, refuses creating customers and invoices, and shows the same once enabled again', async () => {
      const before = await panels();
      expect(sortedIds(before.ticket.billing?.invoices as Ids)).toEqual(ticket.invoiceIds);
      expect(before.ticket.billing?.customers).toEqual([{ id: ticket.customerId }]);
      expect(before.contact.billing?.customers).toEqual([{ id: ticket.customerId }]);
      expect(before.account.billing?.customers).toContainEqual({ id: ticket.customerId });

      const disabled = await mutateOk<Integration>(graph, 'admin', DISABLE, {});
      expect(disabled).toEqual({
        status: 'DISABLED',
        organization: { id: cloud.id, name: 'Aozora Cloud' },
      });
      expect(await integrationRow()).toMatchObject({
        status: 'DISABLED',
        organization_id: cloud.id,
        changed_by: ADMIN_EMAIL,
      });

      // Panels are null, without an error, for every profile that may see billing.
      const hidden = {
        ticket: { billing: null },
        contact: { billing: null },
        account: { billing: null },
      };
      expect(await panels('admin')).toEqual(hidden);
      expect(await panels('agent')).toEqual(hidden);

      // Records by id, and through _entities at the subgraph, are refused.
      for (const [field, text, variables] of [
        ['billingInvoice', INVOICE, { id: ticket.invoiceIds[0] }],
        [
          'billingCustomer',
          'query ($id: ID!) { billingCustomer(contactId: $id) { id } }',
          { id: ticket.contactId },
        ],
        ['billingPlans', '{ billingPlans { totalCount } }', {}],
      ] as const) {
        const res = await query('admin', text, variables);
        expectError(res, 'FORBIDDEN', [field]);
        expect(res.errors?.[0].message).toMatch(/billing integration is not enabled/);
      }
      const entities = await callBilling(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on BillingInvoice { number } } }',
        { r: [{ __typename: 'BillingInvoice', id: ticket.invoiceIds[0] }] },
      );
      expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
      expect(entities.data?._entities).toEqual([null]);

      // Creating records from desk is refused, saying why, and writes nothing.
      const contact = await freshContact();
      const customer = await query('admin', CREATE_CUSTOMER, {
        input: { contactId: contact.id, billingAddress: TOKYO },
      });
      expectError(customer, 'FORBIDDEN', ['createBillingCustomer']);
      expect(customer.errors?.[0].message).toMatch(/billing integration is disabled/);
      expect(
        await count('SELECT 1 FROM billing.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(0);
      const update = await query('admin', UPDATE_CUSTOMER, {
        id: ticket.customerId,
        input: { companyName: 'Not while disabled' },
      });
      expectError(update, 'FORBIDDEN', ['updateBillingCustomer']);
      expect(update.errors?.[0].message).toMatch(/disabled/);
      const writes = await invoiceWrites();
      const invoice = await createInvoice({
        ticketId: ticket.id,
        lineItems: [{ description: 'Not while disabled', quantity: 1, rate: 100 }],
      });
      expectError(invoice, 'FORBIDDEN', ['createBillingInvoice']);
      expect(invoice.errors?.[0].message).toMatch(/billing integration is disabled/);
      expect(await invoiceWrites()).toEqual(writes);

      // Disabling twice is refused.
      const twice = await query('admin', DISABLE);
      expectError(twice, 'BAD_USER_INPUT', ['disableBilling']);

      // Nothing was unlinked while the data was hidden.
      expect(await customerRows()).toEqual(customersBefore);
      expect((await invoiceLinks()).filter((row) => !createdInvoices.includes(row.id))).toEqual(
        invoiceLinksBefore,
      );

      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {
        organizationId: cloud.id,
      });
      expect(enabled.status).toBe('ENABLED');
      expect(await panels()).toEqual(before);
      const byId = await query('admin', INVOICE, { id: ticket.invoiceIds[0] });
      expectNoErrors(byId);
      expect(byId.data).toEqual({
        billingInvoice: {
          id: ticket.invoiceIds[0],
          ticket: { id: ticket.id },
          customer: { id: ticket.customerId, contact: { id: ticket.contactId } },
        },
      });
    });
  });

  describe('BIL-7: deleting removes the contact mappings and ticket links', () => {
    /** The demo state back: mappings and links by SQL, enabled with Aozora Cloud, the row as it was. */
    afterEach(async () => {
      await removeCreatedInvoices();
      await restoreAssociations();
      await mutateOk(graph, 'admin', ENABLE, { organizationId: cloud.id });
      await restoreIntegration();
    });

    afterAll(async () => {
      // The demo data is there again for the test files that run after this one.
      expect(await integrationRow()).toEqual(integrationBefore);
      expect(await customerRows()).toEqual(customersBefore);
      expect(await invoiceLinks()).toEqual(invoiceLinksBefore);
      const after = await panels();
      expect(sortedIds(after.ticket.billing?.invoices as Ids)).toEqual(ticket.invoiceIds);
      expect(after.contact.billing?.customers).toEqual([{ id: ticket.customerId }]);
    });

    it('unlinks every invoice and contact, hides credits, refuses invoices from desk, and does not bring the links back', async () => {
      const panelsBefore = await panels();
      const creditsBefore = await creditPanel();
      expect(creditsBefore?.customers).toEqual([{ id: credited.customerId }]);
      expect(creditsBefore?.overview.unusedCredits).toBeGreaterThan(0);
      expect(creditsBefore?.creditNotes.totalCount).toBeGreaterThan(0);
      const invoiceCount = await count('SELECT 1 FROM billing.invoice');
      const customerCount = await count('SELECT 1 FROM billing.customer');

      const deleted = await mutateOk<Integration>(graph, 'admin', DELETE, {});
      expect(deleted).toEqual({
        status: 'DELETED',
        organization: { id: cloud.id, name: 'Aozora Cloud' },
      });
      expect(await integration()).toEqual(deleted);
      expect(await count('SELECT 1 FROM billing.customer WHERE contact_id IS NOT NULL')).toBe(0);
      expect(await count('SELECT 1 FROM billing.invoice WHERE ticket_id IS NOT NULL')).toBe(0);
      // Billing's own records stay.
      expect(await count('SELECT 1 FROM billing.invoice')).toBe(invoiceCount);
      expect(await count('SELECT 1 FROM billing.customer')).toBe(customerCount);

      // While deleted: no panel, no credit note by id, no invoice or customer from desk.
      expect(await panels()).toEqual({
        ticket: { billing: null },
        contact: { billing: null },
        account: { billing: null },
      });
      const [{ id: creditNoteId }] = await sql<{ id: string }>(
        `SELECT id FROM billing.credit_note WHERE customer_id = $1 AND status = 'OPEN' LIMIT 1`,
        [credited.customerId],
      );
      expectError(
        await query('admin', 'query ($id: ID!) { billingCreditNote(id: $id) { id } }', {
          id: creditNoteId,
        }),
        'FORBIDDEN',
        ['billingCreditNote'],
      );
      const writes = await invoiceWrites();
      const invoice = await createInvoice({
        ticketId: ticket.id,
        lineItems: [{ description: 'Not after deleting', quantity: 1, rate: 100 }],
      });
      expectError(invoice, 'FORBIDDEN', ['createBillingInvoice']);
      expect(invoice.errors?.[0].message).toMatch(/billing integration was deleted/);
      expect(await invoiceWrites()).toEqual(writes);
      const customer = await query('admin', CREATE_CUSTOMER, {
        input: { contactId: ticket.contactId },
      });
      expectError(customer, 'FORBIDDEN', ['createBillingCustomer']);
      expect(customer.errors?.[0].message).toMatch(/was deleted/);
      expectError(await query('admin', DELETE), 'BAD_USER_INPUT', ['deleteBilling']);

      // Enabled again: the records are there, but no longer any desk contact's or ticket's.
      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {
        organizationId: cloud.id,
      });
      expect(enabled.status).toBe('ENABLED');
      expect(await panels()).toEqual({
        ticket: { billing: { customers: [], invoices: { nodes: [] } } },
        contact: {
          billing: {
            customers: [],
            overview: { unusedCredits: 0, creditBalance: 0, outstanding: 0 },
            invoices: { totalCount: 0 },
          },
        },
        account: { billing: { customers: [] } },
      });
      expect(await creditPanel()).toEqual({
        customers: [],
        overview: { unusedCredits: 0, creditBalance: 0 },
        creditNotes: { totalCount: 0 },
      });
      const byId = await query('admin', INVOICE, { id: ticket.invoiceIds[0] });
      expectNoErrors(byId);
      expect(byId.data).toEqual({
        billingInvoice: {
          id: ticket.invoiceIds[0],
          ticket: null,
          customer: { id: ticket.customerId, contact: null },
        },
      });
      const byContact = await query('admin', CUSTOMER_OF_CONTACT, {
        contactId: ticket.contactId,
      });
      expectNoErrors(byContact);
      expect(byContact.data).toEqual({ billingCustomer: null });

      // Creating the customer again maps the existing record rather than making a second one.
      const mappings = [{ contactId: ticket.contactId, customerId: ticket.customerId }];
      if (credited.contactId !== ticket.contactId) mappings.push(credited);
      for (const mapping of mappings) {
        const res = await query<{ createBillingCustomer: Customer }>('admin', CREATE_CUSTOMER, {
          input: { contactId: mapping.contactId },
        });
        expectNoErrors(res);
        expect(res.data?.createBillingCustomer).toMatchObject({
          id: mapping.customerId,
          contact: { id: mapping.contactId },
        });
      }
      expect(await count('SELECT 1 FROM billing.customer')).toBe(customerCount);
      const remappedCredits = await creditPanel();
      expect(remappedCredits).toEqual(creditsBefore);
      const remapped = await panels();
      expect(remapped.contact).toEqual(panelsBefore.contact);
      // The ticket links are gone for good.
      expect(remapped.ticket.billing).toEqual({
        customers: [{ id: ticket.customerId }],
        invoices: { nodes: [] },
      });
      expect(await count('SELECT 1 FROM billing.invoice WHERE ticket_id IS NOT NULL')).toBe(0);

      // And invoices may be created from desk again, linked to their ticket.
      const again = await createInvoice({
        ticketId: ticket.id,
        lineItems: [{ description: 'After enabling again', quantity: 1, rate: 100 }],
      });
      expectNoErrors(again);
      expect(again.data?.createBillingInvoice).toMatchObject({
        status: 'DRAFT',
        ticket: { id: ticket.id },
        customer: { id: ticket.customerId },
      });
      const linked = await panels();
      expect(sortedIds(linked.ticket.billing?.invoices as Ids)).toEqual([
        again.data?.createBillingInvoice.id,
      ]);
    });
  });
});
