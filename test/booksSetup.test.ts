import {
  AGENT_SERVICE_KEY,
  AGENT_SERVICE_KEY_EMAIL,
  DEMO_SERVICE_KEY,
  DEMO_SERVICE_KEY_EMAIL,
} from '../subgraphs/books/seed/organizations';
import { booksState, type ConnectionRow } from './booksState';
import { expectError, expectNoErrors, mutateOk, sqlOn } from './expectations';
import { Graph, startGraph } from './harness';

/**
 * BKS-1/2/7/8 through the gateway: connecting with a service key and its address, choosing the
 * organization (which hides the old one's data), the one-way edition switch, disabling, and the
 * per-profile levels both ways with the demo agents. The connection row and the levels are put
 * back in afterAll.
 */

const INTEGRATION = `{ booksIntegration {
  status edition connectedEmail processRule organization { id name }
  viewerPermissions { invoices { view createEdit email } estimates { view createEdit email } receivables { view createEdit email } }
} }`;
const CONNECT = `mutation($input: ConnectBooksInput!) {
  connectBooks(input: $input) { status edition connectedEmail organization { id } }
}`;
const CHOOSE = `mutation($id: ID!) { chooseBooksOrganization(organizationId: $id) { status organization { id name } } }`;
const SWITCH = `mutation($edition: BooksEdition!) { switchBooksEdition(edition: $edition) { edition } }`;
const SET_PERMISSIONS = `mutation($profileId: ID!, $input: BooksPermissionsInput!) {
  setBooksPermissions(profileId: $profileId, input: $input) {
    profile { id } levels { invoices { view createEdit email } estimates { view } receivables { view } }
  }
}`;
const ITEMS = '{ booksItems(first: 3) { totalCount nodes { sku name } } }';

const access = (view: boolean, createEdit = false, email = false) => ({ view, createEdit, email });

describe('books set-up and permissions (BKS-1, BKS-2, BKS-7, BKS-8)', () => {
  let graph: Graph;
  const { sql } = sqlOn(() => graph.dataSources.books);
  const state = booksState(() => graph.dataSources.books);
  let connectionBefore: ConnectionRow;
  let permissionsBefore: Record<string, unknown>[];
  let profileIds: Record<string, string>;
  let books: string;
  let labs: string;

  const restoreConnection = () => state.restoreConnection(connectionBefore);

  beforeAll(async () => {
    graph = await startGraph();
    connectionBefore = await state.connection();
    permissionsBefore = await sql('SELECT * FROM books.profile_permission');
    const orgs = await sql<{ id: string; name: string }>('SELECT id, name FROM books.organization');
    books = orgs.find((org) => org.name === 'Aozora Books')?.id as string;
    labs = orgs.find((org) => org.name === 'Aozora Invoice Labs')?.id as string;
    const profiles = await graph.query<{ agentProfiles: { id: string; name: string }[] }>(
      'admin',
      '{ agentProfiles { id name } }',
    );
    profileIds = Object.fromEntries(
      (profiles.data?.agentProfiles ?? []).map((profile) => [profile.name, profile.id]),
    );
    expect(connectionBefore).toMatchObject({
      status: 'ENABLED',
      edition: 'BOOKS',
      organization_id: books,
    });
  });

  afterAll(async () => {
    await restoreConnection();
    await sql('DELETE FROM books.profile_permission');
    for (const row of permissionsBefore) {
      const columns = Object.keys(row);
      await sql(
        `INSERT INTO books.profile_permission (${columns.join(', ')})
         VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
        columns.map((column) => row[column]),
      );
    }
    await graph.stop();
  });

  it('BKS-1/BKS-7: the seeded levels per demo agent, and a light agent sees nothing of books', async () => {
    const admin = await graph.query<{ booksIntegration: Record<string, unknown> }>(
      'admin',
      INTEGRATION,
    );
    expectNoErrors(admin);
    expect(admin.data?.booksIntegration).toMatchObject({
      status: 'ENABLED',
      edition: 'BOOKS',
      connectedEmail: DEMO_SERVICE_KEY_EMAIL.toLowerCase(),
      organization: { id: books, name: 'Aozora Books' },
    });

    const newAgent = await graph.query<{ booksIntegration: Record<string, unknown> }>(
      'newAgent',
      '{ booksIntegration { status viewerPermissions { invoices { view createEdit email } } } }',
    );
    expectNoErrors(newAgent);
    expect(newAgent.data?.booksIntegration).toEqual({
      status: 'ENABLED',
      viewerPermissions: { invoices: access(true) },
    });
    // connectedEmail is the administrators'.
    expectError(
      await graph.query('agent', '{ booksIntegration { connectedEmail } }'),
      'FORBIDDEN',
      ['booksIntegration', 'connectedEmail'],
    );

    // BKS-1: no invoices view, no books at all.
    for (const text of [INTEGRATION, ITEMS, '{ booksTransaction(number: "INV-00001") { id } }']) {
      const res = await graph.query('light', text);
      expectError(res, 'FORBIDDEN');
      // Null, or the field itself null: nothing of books comes back.
      expect(Object.values(res.data ?? {}).every((value) => value === null)).toBe(true);
    }
    const agentItems = await graph.query<{ booksItems: { totalCount: number } }>('agent', ITEMS);
    expectNoErrors(agentItems);
    expect(agentItems.data?.booksItems.totalCount).toBeGreaterThan(0);
  });

  it('BKS-7: only administrators set levels; bad combinations are refused; the levels apply at once', async () => {
    const input = {
      invoices: access(true),
      estimates: access(false),
      receivables: access(false),
    };
    expectError(
      await graph.query('agent', SET_PERMISSIONS, { profileId: profileIds['New agent'], input }),
      'FORBIDDEN',
      ['setBooksPermissions'],
    );
    expectError(
      await graph.query('admin', SET_PERMISSIONS, {
        profileId: profileIds['New agent'],
        input: { ...input, invoices: access(false), estimates: access(true) },
      }),
      'BAD_USER_INPUT',
    );
    expectError(
      await graph.query('admin', SET_PERMISSIONS, {
        profileId: profileIds.Administrator,
        input,
      }),
      'BAD_USER_INPUT',
    );
    await mutateOk(graph, 'admin', SET_PERMISSIONS, { profileId: profileIds['New agent'], input });
    const estimate = await sql<{ id: string }>(
      'SELECT id FROM books.estimate WHERE organization_id = $1 LIMIT 1',
      [books],
    );
    const res = await graph.query(
      'newAgent',
      '{ booksEstimate(id: "' + estimate[0].id + '") { number } }',
    );
    expectError(res, 'FORBIDDEN', ['booksEstimate']);
    const byAgent = await graph.query<{ booksEstimate: { number: string } }>(
      'agent',
      '{ booksEstimate(id: "' + estimate[0].id + '") { number } }',
    );
    expectNoErrors(byAgent);
    expect(byAgent.data?.booksEstimate.number).toMatch(/^EST-\d{5}$/);
  });

  it("BKS-2: a wrong key or a key that is not the address's is refused alike; only administrators connect", async () => {
    const refusals = [
      { email: DEMO_SERVICE_KEY_EMAIL, serviceKey: 'not-the-key', edition: 'BOOKS' },
      { email: DEMO_SERVICE_KEY_EMAIL, serviceKey: AGENT_SERVICE_KEY, edition: 'BOOKS' },
      { email: 'nobody@example.test', serviceKey: DEMO_SERVICE_KEY, edition: 'BOOKS' },
    ];
    const messages = new Set<string>();
    for (const input of refusals) {
      const res = await graph.query('admin', CONNECT, { input });
      expectError(res, 'BAD_USER_INPUT', ['connectBooks']);
      messages.add(res.errors?.[0].message ?? '');
    }
    expect(messages.size).toBe(1);
    expectError(
      await graph.query('agent', CONNECT, {
        input: { email: AGENT_SERVICE_KEY_EMAIL, serviceKey: AGENT_SERVICE_KEY, edition: 'BOOKS' },
      }),
      'FORBIDDEN',
      ['connectBooks'],
    );
    expect(await sql('SELECT status, organization_id FROM books.connection')).toEqual([
      { status: 'ENABLED', organization_id: books },
    ]);
  });

  it("BKS-2/BKS-8: connect, choose an organization (the old one's data goes), switch edition one way, disable", async () => {
    // The agent's key reaches only Aozora Books.
    const connected = await mutateOk(graph, 'admin', CONNECT, {
      input: {
        email: AGENT_SERVICE_KEY_EMAIL,
        serviceKey: ` ${AGENT_SERVICE_KEY} `,
        edition: 'BOOKS',
      },
    });
    expect(connected).toEqual({
      status: 'CONNECTED',
      edition: 'BOOKS',
      connectedEmail: AGENT_SERVICE_KEY_EMAIL.toLowerCase(),
      organization: null,
    });
    // While only CONNECTED, nothing is shown.
    expectError(await graph.query('agent', ITEMS), 'FORBIDDEN', ['booksItems']);
    const offered = await graph.query<{ booksOrganizations: { id: string }[] }>(
      'admin',
      '{ booksOrganizations { id name currency } }',
    );
    expect(offered.data?.booksOrganizations.map((org) => org.id)).toEqual([books]);
    expectError(await graph.query('admin', CHOOSE, { id: labs }), 'BAD_USER_INPUT');

    // The administrator's key reaches both; choosing Labs hides Aozora Books' transactions.
    await mutateOk(graph, 'admin', CONNECT, {
      input: { email: DEMO_SERVICE_KEY_EMAIL, serviceKey: DEMO_SERVICE_KEY, edition: 'BOOKS' },
    });
    const [booksInvoice] = await sql<{ id: string; number: string }>(
      'SELECT id, number FROM books.invoice WHERE organization_id = $1 ORDER BY number LIMIT 1',
      [books],
    );
    await mutateOk(graph, 'admin', CHOOSE, { id: labs });
    const hidden = await graph.query<{ booksInvoice: unknown }>(
      'agent',
      `{ booksInvoice(id: "${booksInvoice.id}") { number } }`,
    );
    expectNoErrors(hidden);
    expect(hidden.data?.booksInvoice).toBeNull();
    const chosen = await mutateOk<{ status: string; organization: { id: string } }>(
      graph,
      'admin',
      CHOOSE,
      { id: books },
    );
    expect(chosen).toEqual({
      status: 'ENABLED',
      organization: { id: books, name: 'Aozora Books' },
    });
    const shown = await graph.query<{ booksTransaction: { id: string } }>(
      'agent',
      `{ booksTransaction(number: "${booksInvoice.number}") { id } }`,
    );
    expect(shown.data?.booksTransaction).toEqual({ id: booksInvoice.id });

    // BKS-8: BOOKS never goes back to INVOICE.
    expectError(await graph.query('admin', SWITCH, { edition: 'INVOICE' }), 'BAD_USER_INPUT');
    expectError(
      await graph.query('admin', CONNECT, {
        input: { email: DEMO_SERVICE_KEY_EMAIL, serviceKey: DEMO_SERVICE_KEY, edition: 'INVOICE' },
      }),
      'BAD_USER_INPUT',
    );

    // BKS-8: disabled, every books field is hidden.
    await mutateOk(graph, 'admin', 'mutation { disableBooks { status } }', {});
    expectError(await graph.query('agent', ITEMS), 'FORBIDDEN', ['booksItems']);
    await restoreConnection();
  });

  it('BKS-8: an INVOICE edition has no sales orders until it is switched to BOOKS', async () => {
    await sql("UPDATE books.connection SET edition = 'INVOICE' WHERE id = 1");
    const [order] = await sql<{ id: string }>(
      'SELECT id FROM books.sales_order WHERE organization_id = $1 LIMIT 1',
      [books],
    );
    expectError(
      await graph.query('agent', `{ booksSalesOrder(id: "${order.id}") { number } }`),
      'FORBIDDEN',
      ['booksSalesOrder'],
    );
    const switched = await mutateOk(graph, 'admin', SWITCH, { edition: 'BOOKS' });
    expect(switched).toEqual({ edition: 'BOOKS' });
    const res = await graph.query<{ booksSalesOrder: { number: string } }>(
      'agent',
      `{ booksSalesOrder(id: "${order.id}") { number salesOrderStatus } }`,
    );
    expectNoErrors(res);
    expect(res.data?.booksSalesOrder.number).toMatch(/^SO-\d{5}$/);
    await restoreConnection();
  });
});
