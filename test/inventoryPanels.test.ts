import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { Graph, GraphQLResponse, startGraph } from './harness';
import { errorCodes, expectError, expectNoErrors, sqlOn } from './expectations';

/**
 * INV-6 / GRAPH-1: the inventory panel desk's Ticket, Contact and Account carry, checked through
 * the gateway against what the inventory schema holds.
 */

interface Address {
  attention: string | null;
  street: string;
  city: string;
  state: string | null;
  zip: string | null;
  country: string;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

interface Shipment {
  id: string;
  number: string;
  deliveryStatus: string;
  shippedAt: string | null;
  tracking: { status: string; occurredAt: string }[];
}

interface Purchase {
  quantity: number;
  item: { id: string };
}

interface SalesOrder {
  id: string;
  number: string;
  status: string;
  customer: { id: string };
  lineItems: { quantity: number; item: { id: string } }[];
  packages: { id: string }[];
  returns: { number: string; lineItems: { quantity: number; item: { id: string } }[] }[];
}

interface Panel {
  customers: {
    id: string;
    email: string;
    contact: { id: string } | null;
    billingAddress: Address | null;
    shippingAddress: Address | null;
  }[];
  overview: { recentShipments: Shipment[]; itemsBought: Purchase[] };
  activity: Page<{ id: string; kind: string; occurredAt: string }>;
  salesOrders: Page<SalesOrder>;
  invoices: Page<{ id: string; status: string }>;
}

/** Everything of ALL_OF_CONTACT, large enough pages to hold all of a contact's or account's. */
const PANEL = /* GraphQL */ `
  fragment Panel on InventoryPanel {
    customers {
      id
      email
      contact {
        id
      }
      billingAddress {
        attention
        street
        city
        state
        zip
        country
      }
      shippingAddress {
        attention
        street
        city
        state
        zip
        country
      }
    }
    overview {
      recentShipments(first: 100) {
        id
        number
        deliveryStatus
        shippedAt
        tracking {
          status
          occurredAt
        }
      }
      itemsBought(first: 100) {
        quantity
        item {
          id
        }
      }
    }
    activity(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        occurredAt
      }
    }
    salesOrders(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        status
        customer {
          id
        }
        lineItems {
          quantity
          item {
            id
          }
        }
        packages {
          id
        }
        returns {
          number
          lineItems {
            quantity
            item {
              id
            }
          }
        }
      }
    }
    invoices(first: 100) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
      }
    }
  }
`;

const TICKET_PANEL = /* GraphQL */ `
  ${PANEL}
  query TicketPanel($id: ID!) {
    ticket(id: $id) {
      id
      subject
      contact {
        id
      }
      inventory {
        ...Panel
        fromTicket: salesOrders(first: 100, scope: THIS_TICKET) {
          totalCount
          nodes {
            id
          }
        }
        invoicesFromTicket: invoices(first: 100, scope: THIS_TICKET) {
          totalCount
          nodes {
            id
          }
        }
      }
    }
  }
`;

const CONTACT_PANEL = /* GraphQL */ `
  ${PANEL}
  query ContactPanel($id: ID!) {
    contact(id: $id) {
      inventory {
        ...Panel
      }
    }
  }
`;

const ACCOUNT_PANEL = /* GraphQL */ `
  ${PANEL}
  query AccountPanel($id: ID!) {
    account(id: $id) {
      contactIds
      inventory {
        ...Panel
      }
    }
  }
`;

type TicketPanel = Panel & {
  fromTicket: Page<{ id: string }>;
  invoicesFromTicket: Page<{ id: string }>;
};

interface TicketAnswer {
  ticket: { id: string; subject: string; contact: { id: string }; inventory: TicketPanel | null };
}

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

const ids = (nodes: readonly { id: string }[]): string[] => nodes.map((node) => node.id);

describe('INV-6 / GRAPH-1: inventory panels on tickets, contacts and accounts', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.inventory);
  let organizationId: string;
  /** A seeded ticket with documents made from it while its contact has others too. */
  let ticket: { id: string; contactId: string };
  let ticketAnswer: GraphQLResponse<TicketAnswer>;

  async function panelOf<T>(query: string, id: string, field: string): Promise<T> {
    const res = await graph.query<Record<string, { inventory: T }>>('admin', query, { id });
    expectNoErrors(res);
    return res.data?.[field].inventory as T;
  }

  /** The enabled organization's customer ids of these desk contacts. */
  async function customerIdsOf(contactIds: readonly string[]): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      `SELECT id FROM inventory.customer
        WHERE contact_id = ANY($1::uuid[]) AND organization_id = $2 ORDER BY id`,
      [contactIds, organizationId],
    );
    return rows.map((row) => row.id);
  }

  /** What a panel over these customers must list, straight from SQL, in the panel's order. */
  async function expectedOf(customerIds: readonly string[]) {
    const list = async (text: string) =>
      (await sql<{ id: string }>(text, [customerIds])).map((row) => row.id);
    return {
      salesOrders: await list(
        `SELECT id FROM inventory.sales_order WHERE customer_id = ANY($1::uuid[])
          ORDER BY ordered_on DESC, id DESC`,
      ),
      invoices: await list(
        `SELECT id FROM inventory.invoice WHERE customer_id = ANY($1::uuid[])
          ORDER BY issued_on DESC, id DESC`,
      ),
      activity: await list(
        `SELECT id FROM inventory.activity WHERE customer_id = ANY($1::uuid[])
          ORDER BY occurred_at DESC, id DESC`,
      ),
      shipments: await list(
        `SELECT p.id FROM inventory.package p
           JOIN inventory.sales_order o ON o.id = p.sales_order_id
          WHERE o.customer_id = ANY($1::uuid[]) AND p.shipped_at IS NOT NULL
          ORDER BY p.shipped_at DESC, p.id DESC`,
      ),
      // Most bought first, ties by item id, as INV-6's overview orders them.
      itemsBought: await sql<Purchase>(
        `SELECT sum(l.quantity)::int AS quantity, json_build_object('id', l.item_id) AS item
           FROM inventory.sales_order o
           JOIN inventory.sales_order_line l ON l.sales_order_id = o.id
          WHERE o.customer_id = ANY($1::uuid[]) AND o.status <> 'VOID'
          GROUP BY l.item_id ORDER BY sum(l.quantity) DESC, l.item_id`,
        [customerIds],
      ),
    };
  }

  /** Every ALL_OF_CONTACT list of the panel is exactly what SQL finds for its customers. */
  async function expectPanelOver(panel: Panel, customerIds: readonly string[]): Promise<void> {
    const expected = await expectedOf(customerIds);
    expect(ids(panel.customers).sort()).toEqual([...customerIds].sort());
    expect(ids(panel.salesOrders.nodes)).toEqual(expected.salesOrders);
    expect(panel.salesOrders.totalCount).toBe(expected.salesOrders.length);
    expect(ids(panel.invoices.nodes)).toEqual(expected.invoices);
    expect(panel.invoices.totalCount).toBe(expected.invoices.length);
    expect(ids(panel.activity.nodes)).toEqual(expected.activity);
    expect(panel.activity.totalCount).toBe(expected.activity.length);
    expect(ids(panel.overview.recentShipments)).toEqual(expected.shipments);
    expect(panel.overview.itemsBought).toEqual(expected.itemsBought);
  }

  beforeAll(async () => {
    graph = await startGraph();
    [{ organizationId }] = await sql<{ organizationId: string }>(
      `SELECT organization_id AS "organizationId" FROM inventory.integration WHERE status = 'ENABLED'`,
    );
    // A ticket of the enabled organization whose contact also has sales orders and invoices not
    // made from it, so that THIS_TICKET and ALL_OF_CONTACT differ; shipments make the overview
    // non-trivial.
    [ticket] = await sql<{ id: string; contactId: string }>(
      `SELECT o.ticket_id AS id, c.contact_id AS "contactId"
         FROM inventory.sales_order o JOIN inventory.customer c ON c.id = o.customer_id
        WHERE o.organization_id = $1 AND o.ticket_id IS NOT NULL
        ORDER BY
          EXISTS (SELECT 1 FROM inventory.sales_order x
                   WHERE x.customer_id = c.id AND x.ticket_id IS DISTINCT FROM o.ticket_id) DESC,
          EXISTS (SELECT 1 FROM inventory.invoice i WHERE i.ticket_id = o.ticket_id) DESC,
          EXISTS (SELECT 1 FROM inventory.invoice i
                   WHERE i.customer_id = c.id AND i.ticket_id IS DISTINCT FROM o.ticket_id) DESC,
          EXISTS (SELECT 1 FROM inventory.package p JOIN inventory.sales_order x
                    ON x.id = p.sales_order_id
                   WHERE x.customer_id = c.id AND p.shipped_at IS NOT NULL) DESC,
          o.ticket_id
        LIMIT 1`,
      [organizationId],
    );
    ticketAnswer = await graph.query<TicketAnswer>('admin', TICKET_PANEL, { id: ticket.id });
  });
  afterAll(() => graph.stop());

  const ticketPanel = (): TicketPanel => ticketAnswer.data?.ticket.inventory as TicketPanel;

  describe("a ticket's panel", () => {
    it('comes with the desk fields of the ticket, in one answer', () => {
      expectNoErrors(ticketAnswer);
      expect(ticketAnswer.data?.ticket).toMatchObject({
        id: ticket.id,
        subject: expect.any(String),
        contact: { id: ticket.contactId },
      });
      expect(ticketPanel()).not.toBeNull();
    });

    it("shows the ticket contact's customer record with its billing and shipping addresses", async () => {
      const [stored] = await sql<{
        id: string;
        email: string;
        billing: Partial<Address> | null;
        shipping: Partial<Address> | null;
      }>(
        `SELECT id, email, billing_address AS billing, shipping_address AS shipping
           FROM inventory.customer WHERE contact_id = $1 AND organization_id = $2`,
        [ticket.contactId, organizationId],
      );
      expect(stored.billing).not.toBeNull();
      expect(ticketPanel().customers).toEqual([
        {
          id: stored.id,
          email: stored.email,
          contact: { id: ticket.contactId },
          billingAddress: asAddress(stored.billing),
          shippingAddress: asAddress(stored.shipping),
        },
      ]);
    });

    it("lists ALL_OF_CONTACT by default: every document, activity and shipment of the contact's customer", async () => {
      const panel = ticketPanel();
      await expectPanelOver(panel, await customerIdsOf([ticket.contactId]));
      // Only the enabled organization's: the other demo organization has customers too.
      expect(panel.salesOrders.nodes.length).toBeGreaterThan(0);
      expect(panel.invoices.nodes.length).toBeGreaterThan(0);
    });

    it('lists recent shipments newest first, each with its delivery status and tracking so far', () => {
      const shipments = ticketPanel().overview.recentShipments;
      expect(shipments.length).toBeGreaterThan(0);
      const shippedAt = shipments.map((s) => Date.parse(s.shippedAt as string));
      expect(shippedAt).toEqual([...shippedAt].sort((a, b) => b - a));
      for (const shipment of shipments) {
        expect(shipment.deliveryStatus).not.toBe('PACKED');
        // Oldest step first, the last one being where the delivery stands now.
        const times = shipment.tracking.map((event) => Date.parse(event.occurredAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(shipment.tracking.at(-1)?.status).toBe(shipment.deliveryStatus);
      }
    });

    it('lists activity newest first', () => {
      const times = ticketPanel().activity.nodes.map((node) => Date.parse(node.occurredAt));
      expect(times.length).toBeGreaterThan(1);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('shows each sales order with its line items as stored', async () => {
      const orders = ticketPanel().salesOrders.nodes;
      const lines = await sql<{ salesOrderId: string; quantity: number; itemId: string }>(
        `SELECT sales_order_id AS "salesOrderId", quantity, item_id AS "itemId"
           FROM inventory.sales_order_line WHERE sales_order_id = ANY($1::uuid[])
          ORDER BY position`,
        [ids(orders)],
      );
      for (const order of orders) {
        expect(order.lineItems).toEqual(
          lines
            .filter((line) => line.salesOrderId === order.id)
            .map((line) => ({ quantity: line.quantity, item: { id: line.itemId } })),
        );
        expect(order.lineItems.length).toBeGreaterThan(0);
      }
    });

    it('shows invoices with their status', async () => {
      const invoices = ticketPanel().invoices.nodes;
      const stored = await sql<{ id: string; status: string }>(
        'SELECT id, status FROM inventory.invoice WHERE id = ANY($1::uuid[])',
        [ids(invoices)],
      );
      expect(invoices).toEqual(
        ids(invoices).map((id) => ({ id, status: stored.find((s) => s.id === id)?.status })),
      );
    });

    it('narrows to THIS_TICKET: exactly the documents made from this ticket', async () => {
      const panel = ticketPanel();
      const fromTicket = async (table: 'sales_order' | 'invoice', order: string) =>
        (
          await sql<{ id: string }>(
            `SELECT id FROM inventory.${table} WHERE ticket_id = $1 AND organization_id = $2
              ORDER BY ${order} DESC, id DESC`,
            [ticket.id, organizationId],
          )
        ).map((row) => row.id);
      const orders = await fromTicket('sales_order', 'ordered_on');
      const invoices = await fromTicket('invoice', 'issued_on');
      expect(ids(panel.fromTicket.nodes)).toEqual(orders);
      expect(panel.fromTicket.totalCount).toBe(orders.length);
      expect(ids(panel.invoicesFromTicket.nodes)).toEqual(invoices);
      expect(panel.invoicesFromTicket.totalCount).toBe(invoices.length);
      // The ticket was chosen so that both scopes hold documents and differ.
      expect(orders.length).toBeGreaterThan(0);
      expect(invoices.length).toBeGreaterThan(0);
      expect(panel.salesOrders.totalCount).toBeGreaterThan(orders.length);
      expect(panel.invoices.totalCount).toBeGreaterThan(invoices.length);
    });

    it(`refuses first above the largest page size with BAD_USER_INPUT`, async () => {
      const res = await graph.query(
        'admin',
        'query($id: ID!, $first: Int!) { ticket(id: $id) { inventory { salesOrders(first: $first) { totalCount } } } }',
        { id: ticket.id, first: config().pagination.maxPageSize + 1 },
      );
      expectError(res, 'BAD_USER_INPUT', ['ticket', 'inventory', 'salesOrders']);
    });
  });

  describe("a contact's panel", () => {
    it("equals the ticket panel's ALL_OF_CONTACT for the ticket's contact", async () => {
      const panel = await panelOf<Panel>(CONTACT_PANEL, ticket.contactId, 'contact');
      const { customers, overview, activity, salesOrders, invoices } = ticketPanel();
      expect(panel).toEqual({ customers, overview, activity, salesOrders, invoices });
    });

    it('refuses THIS_TICKET with BAD_USER_INPUT, having no ticket to narrow to', async () => {
      const res = await graph.query(
        'admin',
        'query($id: ID!) { contact(id: $id) { inventory { salesOrders(scope: THIS_TICKET) { totalCount } } } }',
        { id: ticket.contactId },
      );
      expectError(res, 'BAD_USER_INPUT', ['contact', 'inventory', 'salesOrders']);
    });

    it('shows a sales order with its packages and returned items', async () => {
      // A contact with a sales return in the enabled organization (the demo has a few).
      const [{ contactId, salesOrderId }] = await sql<{ contactId: string; salesOrderId: string }>(
        `SELECT c.contact_id AS "contactId", o.id AS "salesOrderId"
           FROM inventory.sales_return r
           JOIN inventory.sales_order o ON o.id = r.sales_order_id
           JOIN inventory.customer c ON c.id = o.customer_id
          WHERE o.organization_id = $1 ORDER BY r.number LIMIT 1`,
        [organizationId],
      );
      const panel = await panelOf<Panel>(CONTACT_PANEL, contactId, 'contact');
      const order = panel.salesOrders.nodes.find((node) => node.id === salesOrderId);
      const packages = await sql<{ id: string }>(
        'SELECT id FROM inventory.package WHERE sales_order_id = $1 ORDER BY number',
        [salesOrderId],
      );
      const returned = await sql<{ number: string; quantity: number; itemId: string }>(
        `SELECT r.number, rl.quantity, l.item_id AS "itemId"
           FROM inventory.sales_return r
           JOIN inventory.sales_return_line rl ON rl.sales_return_id = r.id
           JOIN inventory.sales_order_line l ON l.id = rl.sales_order_line_id
          WHERE r.sales_order_id = $1 ORDER BY r.number, l.position`,
        [salesOrderId],
      );
      expect(order?.packages).toEqual(packages);
      const numbers = [...new Set(returned.map((line) => line.number))];
      expect(order?.returns).toEqual(
        numbers.map((number) => ({
          number,
          lineItems: expect.arrayContaining(
            returned
              .filter((line) => line.number === number)
              .map((line) => ({ quantity: line.quantity, item: { id: line.itemId } })),
          ),
        })),
      );
      expect(order?.returns.flatMap((r) => r.lineItems)).toHaveLength(returned.length);
      expect(returned.length).toBeGreaterThan(0);
    });

    it('counts items bought without the lines of void sales orders', async () => {
      // A contact of the enabled organization with a void sales order next to others.
      const [{ contactId }] = await sql<{ contactId: string }>(
        `SELECT c.contact_id AS "contactId" FROM inventory.sales_order o
           JOIN inventory.customer c ON c.id = o.customer_id
          WHERE o.organization_id = $1 AND o.status = 'VOID'
          ORDER BY c.contact_id LIMIT 1`,
        [organizationId],
      );
      const panel = await panelOf<Panel>(CONTACT_PANEL, contactId, 'contact');
      const customerIds = await customerIdsOf([contactId]);
      expect(panel.overview.itemsBought).toEqual((await expectedOf(customerIds)).itemsBought);
      const voidUnits = await count(
        `SELECT l.id FROM inventory.sales_order o
           JOIN inventory.sales_order_line l ON l.sales_order_id = o.id
          WHERE o.customer_id = ANY($1::uuid[]) AND o.status = 'VOID'`,
        [customerIds],
      );
      // Otherwise the comparison above could not tell a void line from any other.
      expect(voidUnits).toBeGreaterThan(0);
    });

    it('is an empty panel, not null, for a contact with no customer record', async () => {
      const [{ id }] = await graph.dataSources.desk.query<{ id: string }[]>(
        `SELECT d.id FROM desk.contact d
          WHERE NOT EXISTS (SELECT 1 FROM inventory.customer c WHERE c.contact_id = d.id)
          ORDER BY d.id LIMIT 1`,
      );
      const panel = await panelOf<Panel>(CONTACT_PANEL, id, 'contact');
      expect(panel).toEqual({
        customers: [],
        overview: { recentShipments: [], itemsBought: [] },
        activity: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        salesOrders: {
          totalCount: 0,
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [],
        },
        invoices: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
      });
    });
  });

  describe("an account's panel", () => {
    /** The account whose contacts have the most customer records in the enabled organization. */
    let accountId: string;
    let customerIds: string[];
    beforeAll(async () => {
      [{ accountId }] = await sql<{ accountId: string }>(
        `SELECT ca.account_id AS "accountId" FROM desk.contact_account ca
           JOIN inventory.customer c ON c.contact_id = ca.contact_id AND c.organization_id = $1
          GROUP BY ca.account_id ORDER BY count(*) DESC, ca.account_id LIMIT 1`,
        [organizationId],
      );
      // Desk says which contacts the account has; inventory which of them are customers.
      const res = await graph.query<{ account: { contactIds: string[] } }>(
        'admin',
        'query($id: ID!) { account(id: $id) { contactIds } }',
        { id: accountId },
      );
      expectNoErrors(res);
      customerIds = await customerIdsOf(res.data?.account.contactIds ?? []);
    });

    it('covers every contact of the account', async () => {
      const res = await graph.query<{ account: { contactIds: string[]; inventory: Panel } }>(
        'admin',
        ACCOUNT_PANEL,
        { id: accountId },
      );
      expectNoErrors(res);
      const panel = res.data?.account.inventory as Panel;
      expect(customerIds.length).toBeGreaterThan(2);
      await expectPanelOver(panel, customerIds);
      for (const order of panel.salesOrders.nodes) {
        expect(customerIds).toContain(order.customer.id);
      }
    });

    it.each([
      ['salesOrders', 'sales_order', 'ordered_on'],
      ['invoices', 'invoice', 'issued_on'],
    ])('filters %s by status', async (field, table, order) => {
      // The rarest status among the account's documents, so the filter visibly leaves some out.
      const [{ status }] = await sql<{ status: string }>(
        `SELECT status FROM inventory.${table} WHERE customer_id = ANY($1::uuid[])
          GROUP BY status ORDER BY count(*), status LIMIT 1`,
        [customerIds],
      );
      const res = await graph.query<{
        account: { inventory: Record<string, Page<{ id: string; status: string }>> };
      }>(
        'admin',
        `query($id: ID!) {
          account(id: $id) {
            inventory { ${field}(first: 100, status: ${status}) { totalCount nodes { id status } } }
          }
        }`,
        { id: accountId },
      );
      expectNoErrors(res);
      const page = res.data?.account.inventory[field] as Page<{ id: string; status: string }>;
      const expected = await sql<{ id: string }>(
        `SELECT id FROM inventory.${table} WHERE customer_id = ANY($1::uuid[]) AND status = $2
          ORDER BY ${order} DESC, id DESC`,
        [customerIds, status],
      );
      expect(ids(page.nodes)).toEqual(ids(expected));
      expect(page.totalCount).toBe(expected.length);
      expect(page.nodes.every((node) => node.status === status)).toBe(true);
      const all = await count(
        `SELECT 1 FROM inventory.${table} WHERE customer_id = ANY($1::uuid[])`,
        [customerIds],
      );
      expect(expected.length).toBeLessThan(all);
    });

    it.each(['salesOrders', 'invoices', 'activity'])(
      'pages %s with first/after: disjoint pages in order, hasNextPage until the last',
      async (field) => {
        const whole = await graph.query<{ account: { inventory: Record<string, Page<never>> } }>(
          'admin',
          `query($id: ID!) { account(id: $id) { inventory { ${field}(first: 100) { nodes { id } } } } }`,
          { id: accountId },
        );
        expectNoErrors(whole);
        const all = ids(whole.data?.account.inventory[field].nodes ?? []);
        // Pages of 3 over a list long enough to need several.
        expect(all.length).toBeGreaterThan(6);
        const pages: string[][] = [];
        let after: string | null = null;
        let hasNextPage = true;
        while (hasNextPage) {
          if (pages.length > all.length) throw new Error(`${field} pages never end`);
          const res: GraphQLResponse<{
            account: { inventory: Record<string, Page<{ id: string }>> };
          }> = await graph.query(
            'admin',
            `query($id: ID!, $after: String) {
              account(id: $id) {
                inventory {
                  ${field}(first: 3, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor } nodes { id }
                  }
                }
              }
            }`,
            { id: accountId, after },
          );
          expectNoErrors(res);
          const connection = res.data?.account.inventory[field] as Page<{ id: string }>;
          expect(connection.totalCount).toBe(all.length);
          pages.push(ids(connection.nodes));
          ({ hasNextPage, endCursor: after } = connection.pageInfo);
        }
        // A page too many (an empty one) or too few shows as a difference here.
        const expected: string[][] = [];
        for (let start = 0; start < all.length; start += 3)
          expected.push(all.slice(start, start + 3));
        expect(pages).toEqual(expected);
      },
    );
    /** A cursor as the lists write them: base64url of JSON [order value, id]. */
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

    it.each([
      ['not a cursor at all', 'garbage'],
      ['a cursor whose id is not an id', cursor(['2026-01-01', 'not-an-id'])],
      ['a cursor whose value is not a date', cursor(['not-a-date', randomUUID()])],
      ['a cursor of numbers', cursor([1, 2])],
    ])('refuses %s as after with BAD_USER_INPUT on every list', async (_label, after) => {
      const codes: Record<string, unknown[]> = {};
      for (const field of ['salesOrders', 'invoices', 'activity']) {
        const res = await graph.query(
          'admin',
          `query($id: ID!, $after: String) {
            account(id: $id) { inventory { ${field}(first: 3, after: $after) { totalCount } } }
          }`,
          { id: accountId, after },
        );
        codes[field] = errorCodes(res);
      }
      expect(codes).toEqual({
        salesOrders: ['BAD_USER_INPUT'],
        invoices: ['BAD_USER_INPUT'],
        activity: ['BAD_USER_INPUT'],
      });
    });
  });

  describe('documents reached by id', () => {
    it('resolves a sales order, an invoice and a package of the enabled organization', async () => {
      const [stored] = await sql<{
        salesOrderId: string;
        salesOrderNumber: string;
        invoiceId: string;
        invoiceNumber: string;
        packageId: string;
        packageNumber: string;
      }>(
        `SELECT o.id AS "salesOrderId", o.number AS "salesOrderNumber",
                i.id AS "invoiceId", i.number AS "invoiceNumber",
                p.id AS "packageId", p.number AS "packageNumber"
           FROM inventory.sales_order o
           JOIN inventory.invoice i ON i.sales_order_id = o.id
           JOIN inventory.package p ON p.sales_order_id = o.id
          WHERE o.organization_id = $1 ORDER BY o.number LIMIT 1`,
        [organizationId],
      );
      const res = await graph.query(
        'admin',
        `query($so: ID!, $inv: ID!, $pkg: ID!) {
          inventorySalesOrder(id: $so) { id number }
          inventoryInvoice(id: $inv) { id number salesOrder { id } }
          inventoryPackage(id: $pkg) { id number salesOrder { id } }
        }`,
        { so: stored.salesOrderId, inv: stored.invoiceId, pkg: stored.packageId },
      );
      expectNoErrors(res);
      expect(res.data).toEqual({
        inventorySalesOrder: { id: stored.salesOrderId, number: stored.salesOrderNumber },
        inventoryInvoice: {
          id: stored.invoiceId,
          number: stored.invoiceNumber,
          salesOrder: { id: stored.salesOrderId },
        },
        inventoryPackage: {
          id: stored.packageId,
          number: stored.packageNumber,
          salesOrder: { id: stored.salesOrderId },
        },
      });
    });

    it.each([
      ['an unknown id', '00000000-0000-4000-8000-000000000000'],
      ['a malformed id', 'not-an-id'],
    ])('answers null without an error for %s', async (_label, id) => {
      const res = await graph.query(
        'admin',
        `query($id: ID!) {
          inventorySalesOrder(id: $id) { id }
          inventoryInvoice(id: $id) { id }
          inventoryPackage(id: $id) { id }
        }`,
        { id },
      );
      expectNoErrors(res);
      expect(res.data).toEqual({
        inventorySalesOrder: null,
        inventoryInvoice: null,
        inventoryPackage: null,
      });
    });

    it("answers null for the other organization's documents", async () => {
      const [other] = await sql<{ salesOrderId: string; invoiceId: string }>(
        `SELECT o.id AS "salesOrderId", i.id AS "invoiceId"
           FROM inventory.sales_order o JOIN inventory.invoice i ON i.customer_id = o.customer_id
          WHERE o.organization_id <> $1 ORDER BY o.number LIMIT 1`,
        [organizationId],
      );
      const res = await graph.query(
        'admin',
        'query($so: ID!, $inv: ID!) { inventorySalesOrder(id: $so) { id } inventoryInvoice(id: $inv) { id } }',
        { so: other.salesOrderId, inv: other.invoiceId },
      );
      expectNoErrors(res);
      expect(res.data).toEqual({ inventorySalesOrder: null, inventoryInvoice: null });
    });

    it('refuses a malformed contact id for inventoryCustomer with BAD_USER_INPUT', async () => {
      const res = await graph.query(
        'admin',
        '{ inventoryCustomer(contactId: "not-an-id") { id } }',
      );
      expectError(res, 'BAD_USER_INPUT', ['inventoryCustomer']);
    });
  });
});
