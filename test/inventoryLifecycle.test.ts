import { randomUUID } from 'node:crypto';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { DemoAgent, Graph, startGraph } from './harness';
import { type AdminRow, integrationState, type IntegrationRow } from './integrationState';
import { expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';

/**
 * INV-1, INV-2, INV-10 and INV-11 through the gateway: which organizations an administrator is
 * offered and how one is chosen, and what disabling, deleting and switching organization do to
 * the panels, to the ticket/contact associations and to a queued item sync. Every test puts the
 * integration, the organization administrators, the associations and the item sync back as it
 * found them (the database is shared with the other test files); afterAll does it once more
 * should a test have failed midway, and removes the organizations made here.
 */

const ADMIN_EMAIL = DEMO_AGENTS[0].email;
const AGENT_EMAIL = DEMO_AGENTS[1].email;
const NON_ADMINISTRATORS: DemoAgent[] = ['agent', 'newAgent', 'light'];

interface Organization {
  id: string;
  name: string;
  currency: string;
  administrators: string[];
}

interface Integration {
  status: 'NOT_SET_UP' | 'ENABLED' | 'DISABLED' | 'DELETED';
  organization: { id: string; name: string } | null;
}

interface Ids {
  nodes: { id: string }[];
}

interface Panels {
  ticket: { inventory: { salesOrders: Ids; invoices: Ids } | null };
  contact: {
    inventory: { customers: { id: string }[]; salesOrders: { totalCount: number } } | null;
  };
  account: { inventory: { customers: { id: string }[] } | null };
}

const ORGANIZATIONS = '{ inventoryOrganizations { id name currency administrators } }';
const INTEGRATION = '{ inventoryIntegration { status organization { id name } } }';
const ENABLE = `mutation ($organizationId: ID) {
  enableInventory(organizationId: $organizationId) { status organization { id name } }
}`;
const DISABLE = 'mutation { disableInventory { status organization { id name } } }';
const DELETE = 'mutation { deleteInventory { status organization { id name } } }';
const CREATE_ORGANIZATION = `mutation ($input: CreateInventoryOrganizationInput!) {
  createInventoryOrganization(input: $input) { id name currency administrators }
}`;
const PANELS = `query ($ticketId: ID!, $contactId: ID!, $accountId: ID!) {
  ticket(id: $ticketId) {
    inventory {
      salesOrders(scope: THIS_TICKET, first: 100) { nodes { id } }
      invoices(scope: THIS_TICKET, first: 100) { nodes { id } }
    }
  }
  contact(id: $contactId) { inventory { customers { id } salesOrders(first: 100) { totalCount } } }
  account(id: $accountId) { inventory { customers { id } } }
}`;
const SALES_ORDER = 'query ($id: ID!) { inventorySalesOrder(id: $id) { id ticket { id } } }';
const MAPPING = `query ($id: ID!) {
  inventorySalesOrder(id: $id) { ticket { id } customer { id contact { id } } }
}`;
const INVOICE = 'query ($id: ID!) { inventoryInvoice(id: $id) { id ticket { id } } }';
const CREATE_SALES_ORDER = `mutation ($input: CreateInventoryDocumentInput!) {
  createInventorySalesOrder(input: $input) { id }
}`;
const CREATE_INVOICE = `mutation ($input: CreateInventoryDocumentInput!) {
  createInventoryInvoice(input: $input) { id }
}`;
const START_ITEM_SYNC = 'mutation { startInventoryItemSync { run { id status } } }';
const CREATE_CUSTOMER = `mutation ($input: CreateInventoryCustomerInput!) {
  createInventoryCustomer(input: $input) { id contact { id } }
}`;

/** A document's ticket link, and when the document last changed (unlinking changes that too). */
interface DocumentLink {
  id: string;
  ticket_id: string | null;
  /** As text, like IntegrationRow.changed_at. */
  updated_at: string;
}

const sortedIds = (ids: Ids): string[] => ids.nodes.map((node) => node.id).sort();

describe('the inventory integration: choosing an organization, disabling, deleting', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.inventory);
  const state = integrationState(sql, 'inventory');

  let trading: { id: string; name: string };
  let wholesale: { id: string; name: string };
  /** An organization the demo administrator does not administer. */
  let foreign: { id: string; name: string };
  /** A ticket with both a sales order and an invoice created from it, with its contact and account. */
  let ticket: {
    id: string;
    contactId: string;
    accountId: string;
    salesOrderIds: string[];
    invoiceIds: string[];
  };
  /** The ticket contact's customer record. */
  let customerId: string;
  let activeItemId: string;

  // What the tests change, as it was before them.
  let integrationBefore: IntegrationRow;
  let adminsBefore: AdminRow[];
  let organizationsBefore: string[];
  let customersBefore: {
    id: string;
    contact_id: string | null;
    name: string;
    company_name: string | null;
  }[];
  let salesOrderTicketsBefore: DocumentLink[];
  let invoiceTicketsBefore: DocumentLink[];
  let itemSyncBefore: { enabled: boolean; department_ids: string[] };
  let runsBefore: string[];

  const query = <T>(as: DemoAgent, text: string, variables?: Record<string, unknown>) =>
    graph.query<T>(as, text, variables);

  const restoreIntegration = () => state.restoreRow(integrationBefore);

  const restoreAdmins = () => state.restoreAdmins(adminsBefore);

  async function restoreAssociations(): Promise<void> {
    await sql(
      `UPDATE inventory.customer c
       SET contact_id = s.contact_id, name = s.name, company_name = s.company_name
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])
         AS s(id, contact_id, name, company_name)
       WHERE c.id = s.id AND (c.contact_id IS DISTINCT FROM s.contact_id
         OR c.name IS DISTINCT FROM s.name OR c.company_name IS DISTINCT FROM s.company_name)`,
      [
        customersBefore.map((row) => row.id),
        customersBefore.map((row) => row.contact_id),
        customersBefore.map((row) => row.name),
        customersBefore.map((row) => row.company_name),
      ],
    );
    for (const [table, rows] of [
      ['sales_order', salesOrderTicketsBefore],
      ['invoice', invoiceTicketsBefore],
    ] as const) {
      await sql(
        `UPDATE inventory.${table} d SET ticket_id = s.ticket_id, updated_at = s.updated_at
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS s(id, ticket_id, updated_at)
         WHERE d.id = s.id
           AND (d.ticket_id IS DISTINCT FROM s.ticket_id OR d.updated_at <> s.updated_at)`,
        [
          rows.map((row) => row.id),
          rows.map((row) => row.ticket_id),
          rows.map((row) => row.updated_at),
        ],
      );
    }
  }

  async function restoreItemSync(): Promise<void> {
    await sql(
      'UPDATE inventory.item_sync_setting SET enabled = $1, department_ids = $2 WHERE id = 1',
      [itemSyncBefore.enabled, itemSyncBefore.department_ids],
    );
    await sql('DELETE FROM inventory.sync_run WHERE NOT (id = ANY($1))', [runsBefore]);
  }

  /** An item sync queued (this graph runs no worker, so it stays queued), by its run's id. */
  async function queuedItemSync(): Promise<string> {
    const [{ id: departmentId }]: { id: string }[] = await graph.dataSources.desk.query(
      'SELECT id FROM desk.department ORDER BY name LIMIT 1',
    );
    await sql(
      'UPDATE inventory.item_sync_setting SET enabled = true, department_ids = $1 WHERE id = 1',
      [[departmentId]],
    );
    const started = await mutateOk<{ run: { id: string; status: string } }>(
      graph,
      'admin',
      START_ITEM_SYNC,
      {},
    );
    expect(started.run.status).toBe('QUEUED');
    return started.run.id;
  }

  const integrationRow = () => state.row();

  async function panels(): Promise<Panels> {
    const res = await query<Panels>('admin', PANELS, {
      ticketId: ticket.id,
      contactId: ticket.contactId,
      accountId: ticket.accountId,
    });
    expectNoErrors(res);
    return res.data as Panels;
  }

  async function integration(): Promise<Integration> {
    const res = await query<{ inventoryIntegration: Integration }>('admin', INTEGRATION);
    expectNoErrors(res);
    return res.data?.inventoryIntegration as Integration;
  }

  const documentInput = () => ({
    ticketId: ticket.id,
    lineItems: [{ itemId: activeItemId, quantity: 1 }],
  });

  beforeAll(async () => {
    graph = await startGraph();
    integrationBefore = await integrationRow();
    const organizations = await sql<{ id: string; name: string }>(
      'SELECT id, name FROM inventory.organization ORDER BY name',
    );
    organizationsBefore = organizations.map((org) => org.id);
    const named = (name: string) => {
      const found = organizations.find((org) => org.name === name);
      if (!found) throw new Error(`the seed has no organization ${name}`);
      return found;
    };
    trading = named('Aozora Trading');
    wholesale = named('Aozora Wholesale');
    // The seeded state these tests start from and return to.
    expect(integrationBefore).toMatchObject({ status: 'ENABLED', organization_id: trading.id });

    const foreignName = unique('Someone else’s organization');
    [foreign] = await sql<{ id: string; name: string }>(
      `INSERT INTO inventory.organization (name, currency) VALUES ($1, 'EUR') RETURNING id, name`,
      [foreignName],
    );
    await sql(
      `INSERT INTO inventory.organization_admin (organization_id, email) VALUES ($1, 'someone.else@example.test')`,
      [foreign.id],
    );

    adminsBefore = await state.admins([trading.id, wholesale.id]);
    customersBefore = await sql(
      'SELECT id, contact_id, name, company_name FROM inventory.customer ORDER BY id',
    );
    salesOrderTicketsBefore = await sql(
      'SELECT id, ticket_id, updated_at::text FROM inventory.sales_order',
    );
    invoiceTicketsBefore = await sql(
      'SELECT id, ticket_id, updated_at::text FROM inventory.invoice',
    );
    [itemSyncBefore] = await sql(
      'SELECT enabled, department_ids FROM inventory.item_sync_setting WHERE id = 1',
    );
    runsBefore = (await sql<{ id: string }>('SELECT id FROM inventory.sync_run')).map(
      (row) => row.id,
    );

    // A ticket that both a sales order and an invoice were created from, filed under an account.
    const [linked]: { id: string; contactId: string; accountId: string }[] =
      await graph.dataSources.desk.query(
        `SELECT t.id, t.contact_id AS "contactId", t.account_id AS "accountId"
       FROM desk.ticket t
       WHERE t.account_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM inventory.sales_order o WHERE o.ticket_id = t.id AND o.organization_id = $1)
         AND EXISTS (SELECT 1 FROM inventory.invoice i WHERE i.ticket_id = t.id AND i.organization_id = $1)
       ORDER BY t.number LIMIT 1`,
        [trading.id],
      );
    if (!linked) throw new Error('the seed has no ticket with both a sales order and an invoice');
    const documents = async (table: 'sales_order' | 'invoice') =>
      (
        await sql<{ id: string }>(`SELECT id FROM inventory.${table} WHERE ticket_id = $1`, [
          linked.id,
        ])
      )
        .map((row) => row.id)
        .sort();
    ticket = {
      ...linked,
      salesOrderIds: await documents('sales_order'),
      invoiceIds: await documents('invoice'),
    };
    [{ id: customerId }] = await sql<{ id: string }>(
      'SELECT id FROM inventory.customer WHERE organization_id = $1 AND contact_id = $2',
      [trading.id, ticket.contactId],
    );
    [{ id: activeItemId }] = await sql<{ id: string }>(
      `SELECT id FROM inventory.item WHERE organization_id = $1 AND status = 'ACTIVE' ORDER BY sku LIMIT 1`,
      [trading.id],
    );
  });

  afterAll(async () => {
    if (integrationBefore) {
      await restoreIntegration();
      await restoreAdmins();
      await restoreAssociations();
      await restoreItemSync();
      // Organizations made here (foreign, and any createInventoryOrganization made); admins cascade.
      await sql('DELETE FROM inventory.organization WHERE NOT (id = ANY($1))', [
        organizationsBefore,
      ]);
    }
    await graph?.stop();
  });

  describe('INV-2: the organizations offered', () => {
    it('lists to the administrator only the organizations whose administrators include their e-mail', async () => {
      const res = await query<{ inventoryOrganizations: Organization[] }>('admin', ORGANIZATIONS);
      expectNoErrors(res);
      const offered = res.data?.inventoryOrganizations ?? [];
      expect(offered.map((org) => org.id).sort()).toEqual([trading.id, wholesale.id].sort());
      expect(offered.find((org) => org.id === trading.id)).toEqual({
        id: trading.id,
        name: 'Aozora Trading',
        currency: 'JPY',
        administrators: expect.arrayContaining([ADMIN_EMAIL, AGENT_EMAIL]),
      });
      expect(offered.find((org) => org.id === wholesale.id)).toMatchObject({
        name: 'Aozora Wholesale',
        currency: 'USD',
        administrators: [ADMIN_EMAIL],
      });
      // The organization someone else administers exists but is not offered.
      expect(offered.map((org) => org.id)).not.toContain(foreign.id);
    });

    it.each(NON_ADMINISTRATORS)('is refused to %s, who is no desk administrator', async (as) => {
      expectError(await query(as, ORGANIZATIONS), 'FORBIDDEN', ['inventoryOrganizations']);
    });
  });

  describe('INV-1: enabling with an organization', () => {
    afterEach(async () => {
      await restoreAdmins();
      await restoreIntegration();
    });

    it('asks to choose when the administrator administers two, naming both, and changes nothing', async () => {
      const res = await query('admin', ENABLE, {});
      expectError(res, 'BAD_USER_INPUT', ['enableInventory']);
      const message = res.errors?.[0].message ?? '';
      expect(message).toMatch(/organizationId/);
      for (const org of [trading, wholesale]) {
        expect(message).toContain(org.name);
        expect(message).toContain(org.id);
      }
      expect(await integrationRow()).toEqual(integrationBefore);
    });

    it('chooses the only organization the administrator administers when none is given', async () => {
      await sql(
        'DELETE FROM inventory.organization_admin WHERE organization_id = $1 AND email = $2',
        [trading.id, ADMIN_EMAIL],
      );
      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {});
      expect(enabled).toEqual({
        status: 'ENABLED',
        organization: { id: wholesale.id, name: 'Aozora Wholesale' },
      });
      expect(await integrationRow()).toMatchObject({
        status: 'ENABLED',
        organization_id: wholesale.id,
        changed_by: ADMIN_EMAIL,
      });
    });

    it('tells an administrator of no organization to create one, and then enables with the one created', async () => {
      await sql(
        'DELETE FROM inventory.organization_admin WHERE email = $1 AND organization_id = ANY($2)',
        [ADMIN_EMAIL, [trading.id, wholesale.id]],
      );
      const none = await query<{ inventoryOrganizations: Organization[] }>('admin', ORGANIZATIONS);
      expect(none.data?.inventoryOrganizations).toEqual([]);
      const res = await query('admin', ENABLE, {});
      expectError(res, 'BAD_USER_INPUT', ['enableInventory']);
      expect(res.errors?.[0].message).toMatch(/createInventoryOrganization/);
      expect(await integrationRow()).toEqual(integrationBefore);

      const name = unique('Aozora Retail');
      const created = await mutateOk<Organization>(graph, 'admin', CREATE_ORGANIZATION, {
        input: { name, currency: 'EUR' },
      });
      expect(created).toEqual({
        id: expect.any(String),
        name,
        currency: 'EUR',
        administrators: [ADMIN_EMAIL],
      });
      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {});
      expect(enabled).toEqual({ status: 'ENABLED', organization: { id: created.id, name } });
    });

    it('enables with an organization the administrator chooses among several', async () => {
      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {
        organizationId: wholesale.id,
      });
      expect(enabled.organization?.id).toBe(wholesale.id);
      expect(await integration()).toEqual({
        status: 'ENABLED',
        organization: { id: wholesale.id, name: 'Aozora Wholesale' },
      });
    });

    it('refuses an organization the administrator does not administer, and one that does not exist', async () => {
      const res = await query('admin', ENABLE, { organizationId: foreign.id });
      expectError(res, 'FORBIDDEN', ['enableInventory']);
      expectError(await query('admin', ENABLE, { organizationId: randomUUID() }), 'NOT_FOUND');
      expectError(await query('admin', ENABLE, { organizationId: 'nope' }), 'NOT_FOUND');
      expect(await integrationRow()).toEqual(integrationBefore);
    });

    it.each(NON_ADMINISTRATORS)(
      'refuses %s every change of the integration, even for an organization they administer',
      async (as) => {
        // The demo agent administers Aozora Trading in inventory, but is no desk administrator.
        for (const [mutation, variables] of [
          [ENABLE, { organizationId: trading.id }],
          [DISABLE, {}],
          [DELETE, {}],
          [CREATE_ORGANIZATION, { input: { name: unique('Not allowed'), currency: 'JPY' } }],
        ] as const) {
          expectError(await query(as, mutation, variables), 'FORBIDDEN');
        }
        expect(await integrationRow()).toEqual(integrationBefore);
        expect(
          await count('SELECT 1 FROM inventory.organization WHERE name LIKE $1', ['Not allowed%']),
        ).toBe(0);
      },
    );
  });

  describe('createInventoryOrganization', () => {
    it.each([
      [
        'a currency that is not three letters',
        { name: 'Aozora Retail', currency: 'JP' },
        'currency',
      ],
      ['a currency with other characters', { name: 'Aozora Retail', currency: 'US$' }, 'currency'],
      ['no currency', { name: 'Aozora Retail', currency: '  ' }, 'currency'],
      [
        'a three-letter code that is no ISO 4217 currency',
        { name: 'Aozora Retail', currency: 'ABC' },
        'currency',
      ],
      ['a blank name', { name: '   ', currency: 'JPY' }, 'name'],
    ])('refuses %s', async (_, input, field) => {
      const before = await count('SELECT 1 FROM inventory.organization');
      const res = await query('admin', CREATE_ORGANIZATION, { input });
      expectError(res, 'BAD_USER_INPUT', ['createInventoryOrganization']);
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await count('SELECT 1 FROM inventory.organization')).toBe(before);
    });

    it('makes the caller its administrator, so that it is offered from then on', async () => {
      const name = unique('Aozora Export');
      const created = await mutateOk<Organization>(graph, 'admin', CREATE_ORGANIZATION, {
        input: { name, currency: 'GBP' },
      });
      expect(created).toMatchObject({ name, currency: 'GBP', administrators: [ADMIN_EMAIL] });
      expect(
        await sql('SELECT email FROM inventory.organization_admin WHERE organization_id = $1', [
          created.id,
        ]),
      ).toEqual([{ email: ADMIN_EMAIL }]);
      const res = await query<{ inventoryOrganizations: Organization[] }>('admin', ORGANIZATIONS);
      expect(res.data?.inventoryOrganizations.map((org) => org.id)).toContain(created.id);
      // Creating an organization does not switch the integration to it.
      expect(await integrationRow()).toEqual(integrationBefore);
    });
  });

  describe('INV-10: disabling hides the data and keeps the associations', () => {
    afterEach(() => restoreIntegration());

    it('hides every panel and document, refuses new documents, and shows the same ones once enabled again', async () => {
      const before = await panels();
      expect(sortedIds(before.ticket.inventory?.salesOrders as Ids)).toEqual(ticket.salesOrderIds);
      expect(sortedIds(before.ticket.inventory?.invoices as Ids)).toEqual(ticket.invoiceIds);
      expect(before.contact.inventory?.customers).toEqual([{ id: customerId }]);
      expect(before.account.inventory?.customers).toContainEqual({ id: customerId });

      const disabled = await mutateOk<Integration>(graph, 'admin', DISABLE, {});
      expect(disabled.status).toBe('DISABLED');
      expect(await integrationRow()).toMatchObject({
        status: 'DISABLED',
        organization_id: trading.id,
      });
      expect((await integration()).status).toBe('DISABLED');

      expect(await panels()).toEqual({
        ticket: { inventory: null },
        contact: { inventory: null },
        account: { inventory: null },
      });
      expectError(await query('admin', SALES_ORDER, { id: ticket.salesOrderIds[0] }), 'FORBIDDEN', [
        'inventorySalesOrder',
      ]);
      expectError(await query('admin', INVOICE, { id: ticket.invoiceIds[0] }), 'FORBIDDEN', [
        'inventoryInvoice',
      ]);
      for (const mutation of [CREATE_SALES_ORDER, CREATE_INVOICE]) {
        const res = await query('admin', mutation, { input: documentInput() });
        expectError(res, 'FORBIDDEN');
        expect(res.errors?.[0].message).toMatch(/disabled/);
      }
      expectError(await query('admin', START_ITEM_SYNC), 'FORBIDDEN', ['startInventoryItemSync']);

      // Nothing was unlinked while the data was hidden.
      expect(await count('SELECT 1 FROM inventory.sales_order WHERE ticket_id IS NOT NULL')).toBe(
        salesOrderTicketsBefore.filter((row) => row.ticket_id).length,
      );
      expect(await count('SELECT 1 FROM inventory.customer WHERE contact_id IS NOT NULL')).toBe(
        customersBefore.filter((row) => row.contact_id).length,
      );

      const enabled = await mutateOk<Integration>(graph, 'admin', ENABLE, {
        organizationId: trading.id,
      });
      expect(enabled.status).toBe('ENABLED');
      const after = await panels();
      expect(sortedIds(after.ticket.inventory?.salesOrders as Ids)).toEqual(ticket.salesOrderIds);
      expect(sortedIds(after.ticket.inventory?.invoices as Ids)).toEqual(ticket.invoiceIds);
      expect(after.contact.inventory).toEqual(before.contact.inventory);
      expect(after.account.inventory).toEqual(before.account.inventory);
      const order = await query('admin', SALES_ORDER, { id: ticket.salesOrderIds[0] });
      expect(order.data).toEqual({
        inventorySalesOrder: { id: ticket.salesOrderIds[0], ticket: { id: ticket.id } },
      });
    });
  });

  describe('INV-11: deleting removes the associations and the contact mappings', () => {
    afterEach(async () => {
      await restoreAssociations();
      await restoreIntegration();
      await restoreItemSync();
    });

    it('unlinks every document and contact, stops item syncs, refuses documents from desk, and shows nothing until customers are mapped again', async () => {
      const runId = await queuedItemSync();
      const deleted = await mutateOk<Integration>(graph, 'admin', DELETE, {});
      expect(deleted.status).toBe('DELETED');
      expect((await integration()).status).toBe('DELETED');
      expect(await count('SELECT 1 FROM inventory.sales_order WHERE ticket_id IS NOT NULL')).toBe(
        0,
      );
      expect(await count('SELECT 1 FROM inventory.invoice WHERE ticket_id IS NOT NULL')).toBe(0);
      expect(await count('SELECT 1 FROM inventory.customer WHERE contact_id IS NOT NULL')).toBe(0);
      expect(await sql('SELECT status FROM inventory.sync_run WHERE id = $1', [runId])).toEqual([
        { status: 'STOPPED' },
      ]);
      // The organization's own records stay in inventory.
      expect(await count('SELECT 1 FROM inventory.sales_order')).toBe(
        salesOrderTicketsBefore.length,
      );

      for (const mutation of [CREATE_SALES_ORDER, CREATE_INVOICE]) {
        const res = await query('admin', mutation, { input: documentInput() });
        expectError(res, 'FORBIDDEN');
        expect(res.errors?.[0].message).toMatch(/deleted/);
      }

      await mutateOk(graph, 'admin', ENABLE, { organizationId: trading.id });
      const empty = await panels();
      expect(empty).toEqual({
        ticket: { inventory: { salesOrders: { nodes: [] }, invoices: { nodes: [] } } },
        contact: { inventory: { customers: [], salesOrders: { totalCount: 0 } } },
        account: { inventory: { customers: [] } },
      });
      expect((await query('admin', MAPPING, { id: ticket.salesOrderIds[0] })).data).toEqual({
        inventorySalesOrder: { ticket: null, customer: { id: customerId, contact: null } },
      });

      // Mapping the contact again finds its old customer record rather than making a second one.
      const mapped = await mutateOk<{ id: string; contact: { id: string } }>(
        graph,
        'admin',
        CREATE_CUSTOMER,
        { input: { contactId: ticket.contactId } },
      );
      expect(mapped).toEqual({ id: customerId, contact: { id: ticket.contactId } });
      const remapped = await panels();
      expect(remapped.contact.inventory).toEqual({
        customers: [{ id: customerId }],
        salesOrders: {
          totalCount: await count('SELECT 1 FROM inventory.sales_order WHERE customer_id = $1', [
            customerId,
          ]),
        },
      });
      // The ticket links are gone for good.
      expect(remapped.ticket.inventory).toEqual({
        salesOrders: { nodes: [] },
        invoices: { nodes: [] },
      });
    });
  });

  describe('changing organization', () => {
    afterEach(() => restoreIntegration());

    it('makes the first organization’s documents unavailable by id, and available again when switched back', async () => {
      const [wholesaleOrder] = await sql<{ id: string }>(
        'SELECT id FROM inventory.sales_order WHERE organization_id = $1 ORDER BY number LIMIT 1',
        [wholesale.id],
      );
      await mutateOk(graph, 'admin', ENABLE, { organizationId: wholesale.id });
      const hidden = await query('admin', SALES_ORDER, { id: ticket.salesOrderIds[0] });
      expectNoErrors(hidden);
      expect(hidden.data).toEqual({ inventorySalesOrder: null });
      const hiddenInvoice = await query('admin', INVOICE, { id: ticket.invoiceIds[0] });
      expect(hiddenInvoice.data).toEqual({ inventoryInvoice: null });
      const other = await query<{ inventorySalesOrder: { id: string } | null }>(
        'admin',
        SALES_ORDER,
        { id: wholesaleOrder.id },
      );
      expect(other.data?.inventorySalesOrder?.id).toBe(wholesaleOrder.id);

      await mutateOk(graph, 'admin', ENABLE, { organizationId: trading.id });
      const shown = await query('admin', SALES_ORDER, { id: ticket.salesOrderIds[0] });
      expect(shown.data).toEqual({
        inventorySalesOrder: { id: ticket.salesOrderIds[0], ticket: { id: ticket.id } },
      });
    });
  });
});
