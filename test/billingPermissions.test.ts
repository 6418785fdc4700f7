import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { DemoAgent, Graph, GraphQLResponse, postGraphQL, startGraph } from './harness';
import { errorCodes, expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';

/**
 * PERM-1 for billing: graphql-shield applies each desk profile's billing levels (view, create
 * customers, create invoices), deny by default, both ways: what a profile may do goes through,
 * what it may not is FORBIDDEN and writes nothing. Checked with the four demo agents, then by
 * changing the "New agent" profile's levels with setBillingPermissions (administrators only).
 * Every level, customer, invoice and contact made here is put back or removed in afterAll.
 */

interface Levels {
  view: boolean;
  createCustomers: boolean;
  createInvoices: boolean;
}

/** What the seed gives each profile, written out here rather than taken from the seed. */
const EVERYTHING: Levels = { view: true, createCustomers: true, createInvoices: true };
const VIEW_ONLY: Levels = { view: true, createCustomers: false, createInvoices: false };
const NOTHING: Levels = { view: false, createCustomers: false, createInvoices: false };

const EMAILS: Record<DemoAgent, string> = {
  admin: DEMO_AGENTS[0].email,
  agent: DEMO_AGENTS[1].email,
  newAgent: DEMO_AGENTS[2].email,
  light: DEMO_AGENTS[3].email,
};

const LEVEL_FIELDS = 'view createCustomers createInvoices';
const VIEWER_LEVELS = `{ billingIntegration { status viewerPermissions { ${LEVEL_FIELDS} } } }`;
const SET_PERMISSIONS = `mutation($profileId: ID!, $input: BillingPermissionsInput!) {
  setBillingPermissions(profileId: $profileId, input: $input) {
    profile { id } levels { ${LEVEL_FIELDS} } updatedAt
  }
}`;
const PERMISSIONS = `{ billingPermissions { profile { id } levels { ${LEVEL_FIELDS} } updatedAt } }`;
const ORGANIZATIONS = '{ billingOrganizations { id name currency administrators } }';
const INTEGRATION_ORGANIZATION = '{ billingIntegration { status organization { id name } } }';
const CREATE_CUSTOMER = `mutation($input: CreateBillingCustomerInput!) {
  createBillingCustomer(input: $input) { id name email contact { id } billingAddress { street city country } }
}`;
const UPDATE_CUSTOMER = `mutation($id: ID!, $input: UpdateBillingCustomerInput!) {
  updateBillingCustomer(id: $id, input: $input) { id companyName }
}`;
const CREATE_INVOICE = `mutation($input: CreateBillingInvoiceInput!) {
  createBillingInvoice(input: $input) { id number status total ticket { id } customer { id } }
}`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) {
  createContact(input: $input) { id name email }
}`;

const ADDRESS = { street: '1-2-3 Marunouchi', city: 'Tokyo', zip: '100-0005', country: 'Japan' };

interface PermissionRow {
  profile_id: string;
  can_view: boolean;
  create_customers: boolean;
  create_invoices: boolean;
  /** As text: a JavaScript Date would drop PostgreSQL's microseconds when put back. */
  updated_at: string;
}

interface CreatedInvoice {
  id: string;
  number: string;
  status: string;
  total: number;
  ticket: { id: string } | null;
  customer: { id: string };
}

type Response = GraphQLResponse<Record<string, unknown>>;

/** Exactly one FORBIDDEN, at `path`, whose message says what is refused. */
function expectForbidden(res: Response, path: (string | number)[], message?: RegExp): void {
  expectError(res, 'FORBIDDEN', path);
  if (message) expect(res.errors?.[0].message).toMatch(message);
}

describe('PERM-1: billing permissions per agent profile', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.billing);
  let profileIds: Record<string, string>;
  let organizationId: string;
  let labsId: string;
  /**
   * A seeded ticket filed under an account, with an invoice created from it, its contact's
   * customer record, and a subscription and credit note of the organization for the by-id lookups.
   */
  let seeded: {
    ticketId: string;
    contactId: string;
    accountId: string;
    customerId: string;
    invoiceId: string;
    subscriptionId: string;
    creditNoteId: string;
  };
  let permissionsBefore: PermissionRow[];
  /** What this file makes, removed in afterAll. */
  const createdContacts: string[] = [];
  const createdInvoices: string[] = [];

  const query = <T = Record<string, unknown>>(
    as: DemoAgent,
    text: string,
    variables?: Record<string, unknown>,
  ) => graph.query<T>(as, text, variables);

  const setLevels = (profileName: string, levels: Levels) =>
    mutateOk<{ profile: { id: string }; levels: Levels; updatedAt: string }>(
      graph,
      'admin',
      SET_PERMISSIONS,
      { profileId: profileIds[profileName], input: levels },
    );

  async function storedPermissions(): Promise<PermissionRow[]> {
    return sql<PermissionRow>(
      `SELECT profile_id, can_view, create_customers, create_invoices, updated_at::text
         FROM billing.profile_permission ORDER BY profile_id`,
    );
  }

  async function restorePermissions(): Promise<void> {
    await sql('DELETE FROM billing.profile_permission');
    await sql(
      `INSERT INTO billing.profile_permission
         (profile_id, can_view, create_customers, create_invoices, updated_at)
       SELECT * FROM unnest($1::uuid[], $2::boolean[], $3::boolean[], $4::boolean[], $5::timestamptz[])`,
      [
        permissionsBefore.map((row) => row.profile_id),
        permissionsBefore.map((row) => row.can_view),
        permissionsBefore.map((row) => row.create_customers),
        permissionsBefore.map((row) => row.create_invoices),
        permissionsBefore.map((row) => row.updated_at),
      ],
    );
  }

  /** A desk contact made through desk's API, with no billing record yet. */
  async function freshContact(): Promise<{ id: string; name: string; email: string }> {
    const contact = await mutateOk<{ id: string; name: string; email: string }>(
      graph,
      'admin',
      CREATE_CONTACT,
      {
        input: {
          firstName: unique('Billperm'),
          lastName: 'Tester',
          email: `${unique('billing-perm').replace(' ', '-')}@example.test`,
        },
      },
    );
    createdContacts.push(contact.id);
    return contact;
  }

  const createCustomer = (as: DemoAgent, contactId: string) =>
    query<{ createBillingCustomer: { id: string; email: string; contact: { id: string } } }>(
      as,
      CREATE_CUSTOMER,
      { input: { contactId, billingAddress: ADDRESS } },
    );

  const invoiceInput = (description: string) => ({
    ticketId: seeded.ticketId,
    lineItems: [{ description, quantity: 2, rate: 1500 }],
  });

  async function createInvoice(as: DemoAgent, description: string) {
    const res = await query<{ createBillingInvoice: CreatedInvoice }>(as, CREATE_INVOICE, {
      input: invoiceInput(description),
    });
    const created = res.data?.createBillingInvoice;
    if (created) createdInvoices.push(created.id);
    return res;
  }

  /** What a refused invoice must not have written: rows, lines and the numbering. */
  async function invoiceWrites(): Promise<number[]> {
    return [
      await count('SELECT 1 FROM billing.invoice'),
      await count('SELECT 1 FROM billing.invoice_line'),
      ...(
        await sql<{ next_value: number }>(
          `SELECT next_value FROM billing.document_sequence WHERE organization_id = $1 AND kind = 'INV'`,
          [organizationId],
        )
      ).map((row) => row.next_value),
    ];
  }

  beforeAll(async () => {
    graph = await startGraph();
    const profiles = await query<{ agentProfiles: { id: string; name: string }[] }>(
      'admin',
      '{ agentProfiles { id name } }',
    );
    expectNoErrors(profiles);
    profileIds = Object.fromEntries(
      (profiles.data?.agentProfiles ?? []).map((profile) => [profile.name, profile.id]),
    );
    const organizations = await sql<{ id: string; name: string }>(
      'SELECT id, name FROM billing.organization',
    );
    const named = (name: string): string => {
      const found = organizations.find((org) => org.name === name);
      if (!found) throw new Error(`the seed has no billing organization ${name}`);
      return found.id;
    };
    organizationId = named('Aozora Cloud');
    labsId = named('Aozora Labs');
    // The seeded state these tests start from.
    expect(
      await sql('SELECT status, organization_id FROM billing.integration WHERE id = 1'),
    ).toEqual([{ status: 'ENABLED', organization_id: organizationId }]);
    [seeded] = await sql<typeof seeded>(
      `SELECT t.id AS "ticketId", t.contact_id AS "contactId", t.account_id AS "accountId",
              c.id AS "customerId", i.id AS "invoiceId",
              (SELECT id FROM billing.subscription WHERE organization_id = $1 ORDER BY number LIMIT 1)
                AS "subscriptionId",
              (SELECT id FROM billing.credit_note WHERE organization_id = $1 ORDER BY number LIMIT 1)
                AS "creditNoteId"
         FROM billing.invoice i
         JOIN billing.customer c ON c.id = i.customer_id
         JOIN desk.ticket t ON t.id = i.ticket_id AND t.contact_id = c.contact_id
        WHERE i.organization_id = $1 AND t.account_id IS NOT NULL
        ORDER BY i.number LIMIT 1`,
      [organizationId],
    );
    if (!seeded) throw new Error('the seed has no invoice created from a ticket');
    permissionsBefore = await storedPermissions();
    // The seed's levels: Agent everything, New agent view only, the Light agent no row at all.
    expect(
      permissionsBefore.map((row) => [
        row.profile_id,
        row.can_view,
        row.create_customers,
        row.create_invoices,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [profileIds.Agent, true, true, true],
        [profileIds['New agent'], true, false, false],
      ]),
    );
    expect(permissionsBefore.map((row) => row.profile_id)).not.toContain(profileIds['Light agent']);
  });

  afterAll(async () => {
    if (permissionsBefore) await restorePermissions();
    if (createdInvoices.length > 0) {
      await sql('DELETE FROM billing.invoice WHERE id = ANY($1)', [createdInvoices]);
    }
    if (createdContacts.length > 0) {
      await sql('DELETE FROM billing.customer WHERE contact_id = ANY($1)', [createdContacts]);
      await graph.dataSources.desk.query('DELETE FROM desk.contact WHERE id = ANY($1)', [
        createdContacts,
      ]);
    }
    await graph?.stop();
  });

  describe("billingIntegration.viewerPermissions: each agent's levels", () => {
    it.each([
      ['admin', EVERYTHING],
      ['agent', EVERYTHING],
      ['newAgent', VIEW_ONLY],
      ['light', NOTHING],
    ] as const)('%s has %o', async (as, levels) => {
      const res = await query(as, VIEWER_LEVELS);
      expectNoErrors(res);
      expect(res.data).toEqual({
        billingIntegration: { status: 'ENABLED', viewerPermissions: levels },
      });
    });
  });

  describe('the Light agent, whose profile has no billing row', () => {
    // Desk itself keeps accounts from the Light agent's profile; its account panel is checked
    // at the billing subgraph below.
    it.each([
      ['ticket', () => seeded.ticketId],
      ['contact', () => seeded.contactId],
    ])(
      "gets the %s's desk fields, while its billing panel is null with FORBIDDEN",
      async (type, id) => {
        const text = `query($id: ID!) { ${type}(id: $id) { id billing { customers { id } } } }`;
        // The same request shows the panel to a profile that may see billing.
        const agent = await query<Record<string, { billing: { customers: { id: string }[] } }>>(
          'agent',
          text,
          { id: id() },
        );
        expectNoErrors(agent);
        expect(agent.data?.[type].billing.customers).toContainEqual({ id: seeded.customerId });

        const res = await query('light', text, { id: id() });
        expectForbidden(res, [type, 'billing'], /may not see billing data/);
        expect(res.data).toEqual({ [type]: { id: id(), billing: null } });
      },
    );

    it('gets a ticket with its subject and contact while every billing panel beside them is refused', async () => {
      const res = await query<{
        ticket: {
          id: string;
          subject: string;
          contact: { id: string; email: string; billing: null };
          billing: null;
        };
      }>(
        'light',
        `query($id: ID!) {
          ticket(id: $id) {
            id subject
            contact { id email billing { overview { unusedCredits } } }
            billing { invoices(scope: THIS_TICKET) { nodes { id } } }
          }
        }`,
        { id: seeded.ticketId },
      );
      expect(res.status).toBe(200);
      expect(errorCodes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect((res.errors ?? []).map((error) => error.path?.join('.')).sort()).toEqual([
        'ticket.billing',
        'ticket.contact.billing',
      ]);
      const [desk]: { subject: string; email: string }[] = await graph.dataSources.desk.query(
        `SELECT t.subject, c.email FROM desk.ticket t JOIN desk.contact c ON c.id = t.contact_id
          WHERE t.id = $1`,
        [seeded.ticketId],
      );
      expect(res.data).toEqual({
        ticket: {
          id: seeded.ticketId,
          subject: desk.subject,
          contact: { id: seeded.contactId, email: desk.email, billing: null },
          billing: null,
        },
      });
    });

    it.each([
      ['billingCustomer', () => `billingCustomer(contactId: "${seeded.contactId}") { id }`],
      ['billingInvoice', () => `billingInvoice(id: "${seeded.invoiceId}") { id }`],
      ['billingSubscription', () => `billingSubscription(id: "${seeded.subscriptionId}") { id }`],
      ['billingCreditNote', () => `billingCreditNote(id: "${seeded.creditNoteId}") { id }`],
      ['billingPlans', () => 'billingPlans(first: 1) { nodes { id } }'],
    ])('is refused %s with FORBIDDEN, which the Agent profile gets', async (field, selection) => {
      const agent = await query('agent', `{ ${selection()} }`);
      expectNoErrors(agent);
      expect(agent.data?.[field]).not.toBeNull();

      const res = await query('light', `{ ${selection()} }`);
      expectForbidden(res, [field], /may not see billing data/);
      expect(res.data?.[field] ?? null).toBeNull();
    });

    it.each([
      ['billingPermissions', PERMISSIONS],
      ['billingOrganizations', ORGANIZATIONS],
    ])('is refused the administrators’ %s with FORBIDDEN', async (field, text) => {
      const res = await query('light', text);
      expectForbidden(res, [field], /Only administrators/);
      expect(res.data ?? null).toBeNull();
    });

    it('is refused creating a customer record, writing nothing', async () => {
      const contact = await freshContact();
      const res = await createCustomer('light', contact.id);
      expectForbidden(res, ['createBillingCustomer'], /may not create customers/);
      expect(res.data ?? null).toBeNull();
      expect(
        await count('SELECT 1 FROM billing.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(0);
    });

    it('is refused changing a customer record, which stays as it was', async () => {
      const [before] = await sql('SELECT * FROM billing.customer WHERE id = $1', [
        seeded.customerId,
      ]);
      const res = await query('light', UPDATE_CUSTOMER, {
        id: seeded.customerId,
        input: { companyName: unique('Light Co') },
      });
      expectForbidden(res, ['updateBillingCustomer'], /may not create customers/);
      expect(
        await sql('SELECT * FROM billing.customer WHERE id = $1', [seeded.customerId]),
      ).toEqual([before]);
    });

    it('is refused creating an invoice, writing nothing', async () => {
      const before = await invoiceWrites();
      const res = await createInvoice('light', unique('light invoice'));
      expectForbidden(res, ['createBillingInvoice'], /may not create invoices/);
      expect(res.data ?? null).toBeNull();
      expect(await invoiceWrites()).toEqual(before);
    });

    describe('at the billing subgraph itself, through _entities', () => {
      /** Calls the billing subgraph with a valid gateway signature for a demo agent. */
      const callBilling = (as: DemoAgent, text: string, variables: object) =>
        postGraphQL<{ _entities: unknown[] }>(
          graph.subgraphUrls.billing,
          {
            [IDENTITY_HEADER]: signForwardedIdentity(
              { kind: 'agent', agentId: graph.agentIds[as], email: EMAILS[as] },
              config().auth,
            ),
          },
          { query: text, variables },
        );

      /** Type, selection, representation, what a profile that may view gets, what is left. */
      const ENTITIES: [string, string, () => object, () => unknown, unknown][] = [
        [
          'BillingInvoice',
          'number',
          () => ({ id: seeded.invoiceId }),
          () => ({ number: expect.stringMatching(/^INV-\d{5}$/) }),
          null,
        ],
        [
          'BillingSubscription',
          'number',
          () => ({ id: seeded.subscriptionId }),
          () => ({ number: expect.stringMatching(/^SUB-\d{5}$/) }),
          null,
        ],
        [
          'BillingCustomer',
          'email',
          () => ({ id: seeded.customerId }),
          () => ({ email: expect.stringContaining('@') }),
          null,
        ],
        [
          'BillingCreditNote',
          'number',
          () => ({ id: seeded.creditNoteId }),
          () => ({ number: expect.stringMatching(/^CN-\d{5}$/) }),
          null,
        ],
        [
          'Account',
          'billing { customers { id } }',
          () => ({ id: seeded.accountId, contactIds: [seeded.contactId] }),
          () => ({ billing: { customers: [{ id: seeded.customerId }] } }),
          { billing: null },
        ],
        [
          'Contact',
          'billing { overview { currency } }',
          () => ({ id: seeded.contactId }),
          () => ({ billing: { overview: { currency: 'JPY' } } }),
          { billing: null },
        ],
        [
          'Ticket',
          'billing { customers { id } }',
          () => ({ id: seeded.ticketId, contact: { id: seeded.contactId } }),
          () => ({ billing: { customers: [{ id: seeded.customerId }] } }),
          { billing: null },
        ],
      ];

      it.each(ENTITIES)(
        'answers %s to the Agent profile, and to the Light agent no data with FORBIDDEN',
        async (typename, selection, key, visible, hidden) => {
          const text = `query($r: [_Any!]!) {
            _entities(representations: $r) { ... on ${typename} { ${selection} } }
          }`;
          const variables = { r: [{ __typename: typename, ...key() }] };
          // The same request answers a profile that may see billing, so the refusal below is
          // the permission's doing.
          const agent = await callBilling('agent', text, variables);
          expectNoErrors(agent);
          expect(agent.data?._entities).toEqual([visible()]);

          const res = await callBilling('light', text, variables);
          expect(res.status).toBe(200);
          expect(errorCodes(res)).toEqual(['FORBIDDEN']);
          expect(res.errors?.[0].message).toMatch(/may not see billing data/);
          expect(res.data?._entities).toEqual([hidden]);
        },
      );

      it('refuses a request without the gateway signature with 401', async () => {
        const res = await postGraphQL(
          graph.subgraphUrls.billing,
          {},
          {
            query:
              'query($r: [_Any!]!) { _entities(representations: $r) { ... on BillingInvoice { number } } }',
            variables: { r: [{ __typename: 'BillingInvoice', id: seeded.invoiceId }] },
          },
        );
        expect(res.status).toBe(401);
        expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
        expect(res.data ?? null).toBeNull();
      });
    });
  });

  describe('the New agent, whose profile may only view', () => {
    it('sees the ticket, contact and account panels, the invoice from this ticket and the records by id', async () => {
      const res = await query<{
        ticket: {
          billing: { invoices: { nodes: { id: string }[] }; overview: { currency: string } };
        };
        contact: { billing: { customers: { id: string }[] } };
        account: { billing: { customers: { id: string }[] } };
        billingInvoice: { id: string; ticket: { id: string } };
        billingCustomer: { id: string };
        billingSubscription: { id: string };
        billingCreditNote: { id: string };
      }>(
        'newAgent',
        `query($ticketId: ID!, $contactId: ID!, $accountId: ID!, $invoiceId: ID!,
               $subscriptionId: ID!, $creditNoteId: ID!) {
          ticket(id: $ticketId) {
            billing { invoices(scope: THIS_TICKET, first: 50) { nodes { id } } overview { currency } }
          }
          contact(id: $contactId) { billing { customers { id } } }
          account(id: $accountId) { billing { customers { id } } }
          billingInvoice(id: $invoiceId) { id ticket { id } }
          billingCustomer(contactId: $contactId) { id }
          billingSubscription(id: $subscriptionId) { id }
          billingCreditNote(id: $creditNoteId) { id }
        }`,
        {
          ticketId: seeded.ticketId,
          contactId: seeded.contactId,
          accountId: seeded.accountId,
          invoiceId: seeded.invoiceId,
          subscriptionId: seeded.subscriptionId,
          creditNoteId: seeded.creditNoteId,
        },
      );
      expectNoErrors(res);
      expect(res.data?.ticket.billing.invoices.nodes).toContainEqual({ id: seeded.invoiceId });
      expect(res.data?.ticket.billing.overview.currency).toBe('JPY');
      expect(res.data?.contact.billing.customers).toEqual([{ id: seeded.customerId }]);
      expect(res.data?.account.billing.customers).toContainEqual({ id: seeded.customerId });
      expect(res.data?.billingInvoice).toEqual({
        id: seeded.invoiceId,
        ticket: { id: seeded.ticketId },
      });
      expect(res.data?.billingCustomer).toEqual({ id: seeded.customerId });
      expect(res.data?.billingSubscription).toEqual({ id: seeded.subscriptionId });
      expect(res.data?.billingCreditNote).toEqual({ id: seeded.creditNoteId });
    });

    it('is refused createBillingCustomer with FORBIDDEN naming customers, writing nothing', async () => {
      const contact = await freshContact();
      const res = await createCustomer('newAgent', contact.id);
      expectForbidden(res, ['createBillingCustomer'], /may not create customers in billing/);
      expect(res.data ?? null).toBeNull();
      expect(
        await count('SELECT 1 FROM billing.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(0);
    });

    it('is refused updateBillingCustomer with FORBIDDEN', async () => {
      const [before] = await sql('SELECT * FROM billing.customer WHERE id = $1', [
        seeded.customerId,
      ]);
      const res = await query('newAgent', UPDATE_CUSTOMER, {
        id: seeded.customerId,
        input: { companyName: unique('New agent Co') },
      });
      expectForbidden(res, ['updateBillingCustomer'], /may not create customers in billing/);
      expect(
        await sql('SELECT * FROM billing.customer WHERE id = $1', [seeded.customerId]),
      ).toEqual([before]);
    });

    it('is refused createBillingInvoice with FORBIDDEN naming invoices, writing nothing', async () => {
      const before = await invoiceWrites();
      const res = await createInvoice('newAgent', unique('new agent invoice'));
      expectForbidden(res, ['createBillingInvoice'], /may not create invoices in billing/);
      expect(res.data ?? null).toBeNull();
      expect(await invoiceWrites()).toEqual(before);
    });
  });

  describe('the Agent, whose profile may create customers and invoices', () => {
    it('creates a customer record for a desk contact and changes it', async () => {
      const contact = await freshContact();
      const res = await createCustomer('agent', contact.id);
      expectNoErrors(res);
      const created = res.data?.createBillingCustomer;
      expect(created).toEqual({
        id: expect.any(String),
        name: contact.name,
        email: contact.email.toLowerCase(),
        contact: { id: contact.id },
        billingAddress: { street: ADDRESS.street, city: ADDRESS.city, country: ADDRESS.country },
      });
      expect(
        await sql('SELECT organization_id FROM billing.customer WHERE contact_id = $1', [
          contact.id,
        ]),
      ).toEqual([{ organization_id: organizationId }]);

      const companyName = unique('Agent Co');
      const update = await query('agent', UPDATE_CUSTOMER, {
        id: created?.id,
        input: { companyName },
      });
      expectNoErrors(update);
      expect(update.data).toEqual({ updateBillingCustomer: { id: created?.id, companyName } });
    });

    it('creates a draft invoice from a ticket, recorded as created by the agent', async () => {
      const res = await createInvoice('agent', unique('agent invoice'));
      expectNoErrors(res);
      const invoice = res.data?.createBillingInvoice as CreatedInvoice;
      expect(invoice).toEqual({
        id: expect.any(String),
        number: expect.stringMatching(/^INV-\d{5}$/),
        status: 'DRAFT',
        total: 3000,
        ticket: { id: seeded.ticketId },
        customer: { id: seeded.customerId },
      });
      expect(
        await sql('SELECT created_by, organization_id FROM billing.invoice WHERE id = $1', [
          invoice.id,
        ]),
      ).toEqual([{ created_by: EMAILS.agent, organization_id: organizationId }]);
    });
  });

  describe('setBillingPermissions: the New agent profile’s levels, applied on the next request', () => {
    beforeEach(() => setLevels('New agent', VIEW_ONLY));
    afterAll(() => setLevels('New agent', VIEW_ONLY));

    const storedLevels = (profileId: string) =>
      sql(
        `SELECT can_view, create_customers, create_invoices, updated_at
           FROM billing.profile_permission WHERE profile_id = $1`,
        [profileId],
      );

    it('stores the levels and answers with them', async () => {
      const levels = { view: true, createCustomers: true, createInvoices: false };
      const set = await setLevels('New agent', levels);
      expect(set).toEqual({
        profile: { id: profileIds['New agent'] },
        levels,
        updatedAt: expect.any(String),
      });
      expect(Date.now() - Date.parse(set.updatedAt)).toBeLessThan(60_000);
      expect(await storedLevels(profileIds['New agent'])).toEqual([
        {
          can_view: true,
          create_customers: true,
          create_invoices: false,
          updated_at: expect.any(Date),
        },
      ]);
    });

    it('customers on, invoices off: the New agent may create a customer but not an invoice', async () => {
      await setLevels('New agent', { view: true, createCustomers: true, createInvoices: false });
      const viewer = await query('newAgent', VIEWER_LEVELS);
      expect(viewer.data).toEqual({
        billingIntegration: {
          status: 'ENABLED',
          viewerPermissions: { view: true, createCustomers: true, createInvoices: false },
        },
      });
      const contact = await freshContact();
      const customer = await createCustomer('newAgent', contact.id);
      expectNoErrors(customer);
      expect(customer.data?.createBillingCustomer.contact).toEqual({ id: contact.id });

      const before = await invoiceWrites();
      const invoice = await createInvoice('newAgent', unique('new agent, customers only'));
      expectForbidden(invoice, ['createBillingInvoice'], /may not create invoices/);
      expect(await invoiceWrites()).toEqual(before);
    });

    it('invoices on, customers off: the New agent may create an invoice but not a customer', async () => {
      await setLevels('New agent', { view: true, createCustomers: false, createInvoices: true });
      const viewer = await query('newAgent', VIEWER_LEVELS);
      expect(viewer.data).toEqual({
        billingIntegration: {
          status: 'ENABLED',
          viewerPermissions: { view: true, createCustomers: false, createInvoices: true },
        },
      });
      const invoice = await createInvoice('newAgent', unique('new agent, invoices only'));
      expectNoErrors(invoice);
      expect(invoice.data?.createBillingInvoice).toMatchObject({
        status: 'DRAFT',
        ticket: { id: seeded.ticketId },
      });

      const contact = await freshContact();
      const customer = await createCustomer('newAgent', contact.id);
      expectForbidden(customer, ['createBillingCustomer'], /may not create customers/);
      expect(
        await count('SELECT 1 FROM billing.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(0);
    });

    it('view off hides the whole integration from the New agent at once', async () => {
      await setLevels('New agent', NOTHING);
      const viewer = await query('newAgent', VIEWER_LEVELS);
      expect(viewer.data).toEqual({
        billingIntegration: { status: 'ENABLED', viewerPermissions: NOTHING },
      });
      const res = await query(
        'newAgent',
        `query($id: ID!, $invoiceId: ID!) {
          ticket(id: $id) { id billing { customers { id } } }
          billingInvoice(id: $invoiceId) { id }
        }`,
        { id: seeded.ticketId, invoiceId: seeded.invoiceId },
      );
      expect(errorCodes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(res.data).toEqual({
        ticket: { id: seeded.ticketId, billing: null },
        billingInvoice: null,
      });

      // And back on: the next request sees the panel again.
      await setLevels('New agent', VIEW_ONLY);
      const again = await query(
        'newAgent',
        'query($id: ID!) { ticket(id: $id) { billing { customers { id } } } }',
        {
          id: seeded.ticketId,
        },
      );
      expectNoErrors(again);
      expect(again.data).toEqual({
        ticket: { billing: { customers: [{ id: seeded.customerId }] } },
      });
    });

    it('gives the Light agent profile, which had no row, the levels set', async () => {
      await setLevels('Light agent', VIEW_ONLY);
      try {
        const viewer = await query('light', VIEWER_LEVELS);
        expect(viewer.data).toEqual({
          billingIntegration: { status: 'ENABLED', viewerPermissions: VIEW_ONLY },
        });
        const res = await query(
          'light',
          'query($id: ID!) { ticket(id: $id) { billing { customers { id } } } }',
          {
            id: seeded.ticketId,
          },
        );
        expectNoErrors(res);
        expect(res.data).toEqual({
          ticket: { billing: { customers: [{ id: seeded.customerId }] } },
        });
        const invoice = await createInvoice('light', unique('light with view only'));
        expectForbidden(invoice, ['createBillingInvoice'], /may not create invoices/);
      } finally {
        await sql('DELETE FROM billing.profile_permission WHERE profile_id = $1', [
          profileIds['Light agent'],
        ]);
      }
    });

    it.each([
      ['createCustomers on', { ...NOTHING, createCustomers: true }],
      ['createInvoices on', { ...NOTHING, createInvoices: true }],
      ['both on', { view: false, createCustomers: true, createInvoices: true }],
    ])('refuses view off with %s as BAD_USER_INPUT, storing nothing', async (_label, input) => {
      const before = await storedLevels(profileIds['New agent']);
      const res = await query('admin', SET_PERMISSIONS, {
        profileId: profileIds['New agent'],
        input,
      });
      expectError(res, 'BAD_USER_INPUT', ['setBillingPermissions']);
      expect(res.errors?.[0].message).toMatch(/view off/);
      expect(await storedLevels(profileIds['New agent'])).toEqual(before);
    });

    it('refuses the Administrator profile, which always has everything, with BAD_USER_INPUT', async () => {
      const res = await query('admin', SET_PERMISSIONS, {
        profileId: profileIds.Administrator,
        input: NOTHING,
      });
      expectError(res, 'BAD_USER_INPUT', ['setBillingPermissions']);
      expect(res.errors?.[0].message).toMatch(/Administrator.*administrator profile/);
      expect(await storedLevels(profileIds.Administrator)).toEqual([]);
      const viewer = await query('admin', VIEWER_LEVELS);
      expect(viewer.data).toEqual({
        billingIntegration: { status: 'ENABLED', viewerPermissions: EVERYTHING },
      });
    });

    it.each([
      ['an unknown profile id', () => randomUUID()],
      ['a malformed profile id', () => 'not-a-profile'],
    ])('answers NOT_FOUND for %s, storing nothing', async (_label, profileId) => {
      const before = await storedPermissions();
      const id = profileId();
      const res = await query('admin', SET_PERMISSIONS, { profileId: id, input: VIEW_ONLY });
      expectError(res, 'NOT_FOUND', ['setBillingPermissions']);
      expect(res.errors?.[0].message).toContain(id);
      expect(await storedPermissions()).toEqual(before);
    });

    it.each(['agent', 'newAgent', 'light'] as const)(
      'refuses %s, who is no desk administrator, with FORBIDDEN, changing nothing',
      async (as) => {
        const before = await storedPermissions();
        const res = await query(as, SET_PERMISSIONS, {
          profileId: profileIds['New agent'],
          input: EVERYTHING,
        });
        expectForbidden(res, ['setBillingPermissions'], /Only administrators/);
        expect(await storedPermissions()).toEqual(before);
      },
    );
  });

  describe('billingPermissions: the stored rows, administrators only', () => {
    it('lists each profile that has levels, with its levels', async () => {
      const res = await query<{
        billingPermissions: { profile: { id: string }; levels: Levels; updatedAt: string }[];
      }>('admin', PERMISSIONS);
      expectNoErrors(res);
      const rows = res.data?.billingPermissions ?? [];
      expect(rows.map((row) => row.profile.id).sort()).toEqual(
        (await storedPermissions()).map((row) => row.profile_id).sort(),
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { profile: { id: profileIds.Agent }, levels: EVERYTHING, updatedAt: expect.any(String) },
          {
            profile: { id: profileIds['New agent'] },
            levels: VIEW_ONLY,
            updatedAt: expect.any(String),
          },
        ]),
      );
      expect(rows.map((row) => row.profile.id)).not.toContain(profileIds.Administrator);
    });

    it.each(['agent', 'newAgent'] as const)('is refused to %s with FORBIDDEN', async (as) => {
      const res = await query(as, PERMISSIONS);
      expectForbidden(res, ['billingPermissions'], /Only administrators/);
      expect(res.data ?? null).toBeNull();
    });
  });

  describe('billingOrganizations and billingIntegration.organization: administrators only', () => {
    it('shows the administrator both organizations they administer and the one enabled', async () => {
      const res = await query<{
        billingOrganizations: {
          id: string;
          name: string;
          currency: string;
          administrators: string[];
        }[];
      }>('admin', ORGANIZATIONS);
      expectNoErrors(res);
      expect(
        [...(res.data?.billingOrganizations ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
      ).toEqual([
        {
          id: organizationId,
          name: 'Aozora Cloud',
          currency: 'JPY',
          administrators: [EMAILS.admin, EMAILS.agent].sort(),
        },
        { id: labsId, name: 'Aozora Labs', currency: 'USD', administrators: [EMAILS.admin] },
      ]);
      const integration = await query('admin', INTEGRATION_ORGANIZATION);
      expectNoErrors(integration);
      expect(integration.data).toEqual({
        billingIntegration: {
          status: 'ENABLED',
          organization: { id: organizationId, name: 'Aozora Cloud' },
        },
      });
    });

    it.each(['agent', 'newAgent', 'light'] as const)(
      'refuses %s both with FORBIDDEN, while the status still comes back',
      async (as) => {
        // The demo agent administers Aozora Cloud in billing, but is no desk administrator.
        const organizations = await query(as, ORGANIZATIONS);
        expectForbidden(organizations, ['billingOrganizations'], /Only administrators/);
        expect(organizations.data ?? null).toBeNull();

        const integration = await query(as, INTEGRATION_ORGANIZATION);
        expectForbidden(integration, ['billingIntegration', 'organization'], /Only administrators/);
        expect(integration.data).toEqual({
          billingIntegration: { status: 'ENABLED', organization: null },
        });
      },
    );
  });
});
