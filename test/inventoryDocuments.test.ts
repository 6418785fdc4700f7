import { randomUUID } from 'node:crypto';
import { DemoAgent, Graph, startGraph } from './harness';
import { expectError, expectNoErrors, mutateOk, sqlOn } from './expectations';
import { type SmtpServer, startSmtpServer } from './smtpServer';

/**
 * INV-7, INV-8 and INV-9 through the gateway, with every subgraph's workers running and e-mail
 * delivered to a real SMTP server started here: customer records made from desk contacts, sales
 * orders and invoices made from tickets and e-mailed, and packages moved along their delivery.
 *
 * The customer record these tests make is for a seeded desk contact that had none, so every
 * document, package and e-mail here is its own and no other file relies on them; afterAll
 * removes all of it and puts the organization's document numbering back.
 */

const DELIVERY_TIMEOUT_MS = 30_000;
const HOUR_MS = 60 * 60 * 1000;

interface Address {
  attention: string | null;
  street: string;
  city: string;
  state: string | null;
  zip: string | null;
  country: string;
}

interface Customer {
  id: string;
  name: string;
  email: string;
  companyName: string | null;
  contact: { id: string } | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
}

interface LineItem {
  item: { id: string };
  description: string | null;
  quantity: number;
  rate: number;
  amount: number;
}

interface Email {
  to: string;
  subject: string;
  status: 'QUEUED' | 'SENT' | 'FAILED';
  sentAt: string | null;
}

interface SalesOrder {
  id: string;
  number: string;
  orderedOn: string;
  status: string;
  shipmentStatus: string;
  invoicedStatus: string;
  total: number;
  currency: string;
  notes: string | null;
  customer: { id: string };
  ticket: { id: string } | null;
  lineItems: LineItem[];
  invoices: { id: string }[];
  emails: Email[];
}

interface Invoice {
  id: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  status: string;
  total: number;
  balanceDue: number;
  currency: string;
  notes: string | null;
  customer: { id: string };
  salesOrder: { id: string } | null;
  ticket: { id: string } | null;
  lineItems: LineItem[];
  emails: Email[];
}

interface TrackingEvent {
  status: string;
  occurredAt: string;
  note: string | null;
}

interface Package {
  id: string;
  deliveryStatus: string;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  tracking: TrackingEvent[];
  salesOrder: { id: string; shipmentStatus: string };
}

interface DeskContact {
  id: string;
  name: string;
  email: string;
  primaryAccount: { id: string; name: string } | null;
  tickets: { nodes: { id: string }[] };
}

interface LineInput {
  itemId: string;
  quantity: number;
  rate?: number;
  description?: string;
}

const ADDRESS = 'attention street city state zip country';
const CUSTOMER_FIELDS = `id name email companyName contact { id }
  billingAddress { ${ADDRESS} } shippingAddress { ${ADDRESS} }`;
const LINE_FIELDS = 'item { id } description quantity rate amount';
const EMAIL_FIELDS = 'to subject status sentAt';
const SALES_ORDER_FIELDS = `id number orderedOn status shipmentStatus invoicedStatus total currency
  notes customer { id } ticket { id } lineItems { ${LINE_FIELDS} } invoices { id }
  emails { ${EMAIL_FIELDS} }`;
const INVOICE_FIELDS = `id number issuedOn dueOn status total balanceDue currency notes
  customer { id } salesOrder { id } ticket { id } lineItems { ${LINE_FIELDS} }
  emails { ${EMAIL_FIELDS} }`;
const PACKAGE_FIELDS = `id deliveryStatus carrier trackingNumber shippedAt deliveredAt
  tracking { status occurredAt note } salesOrder { id shipmentStatus }`;

const CREATE_CUSTOMER = `mutation ($input: CreateInventoryCustomerInput!) {
  createInventoryCustomer(input: $input) { ${CUSTOMER_FIELDS} }
}`;
const UPDATE_CUSTOMER = `mutation ($id: ID!, $input: UpdateInventoryCustomerInput!) {
  updateInventoryCustomer(id: $id, input: $input) { ${CUSTOMER_FIELDS} }
}`;
const CUSTOMER = `query ($contactId: ID!) { inventoryCustomer(contactId: $contactId) { ${CUSTOMER_FIELDS} } }`;
const CREATE_SALES_ORDER = `mutation ($input: CreateInventoryDocumentInput!) {
  createInventorySalesOrder(input: $input) { ${SALES_ORDER_FIELDS} }
}`;
const UPDATE_SALES_ORDER = `mutation ($id: ID!, $input: UpdateInventoryDocumentInput!) {
  updateInventorySalesOrder(id: $id, input: $input) { ${SALES_ORDER_FIELDS} }
}`;
const SEND_SALES_ORDER = `mutation ($id: ID!) { sendInventorySalesOrder(id: $id) { ${SALES_ORDER_FIELDS} } }`;
const SALES_ORDER = `query ($id: ID!) { inventorySalesOrder(id: $id) { ${SALES_ORDER_FIELDS} } }`;
const CREATE_INVOICE = `mutation ($input: CreateInventoryDocumentInput!) {
  createInventoryInvoice(input: $input) { ${INVOICE_FIELDS} }
}`;
const UPDATE_INVOICE = `mutation ($id: ID!, $input: UpdateInventoryDocumentInput!) {
  updateInventoryInvoice(id: $id, input: $input) { ${INVOICE_FIELDS} }
}`;
const SEND_INVOICE = `mutation ($id: ID!) { sendInventoryInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
const INVOICE = `query ($id: ID!) { inventoryInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
const ADVANCE = `mutation ($id: ID!, $input: AdvanceInventoryPackageInput!) {
  advanceInventoryPackage(id: $id, input: $input) { ${PACKAGE_FIELDS} }
}`;
const PACKAGE = `query ($id: ID!) { inventoryPackage(id: $id) { ${PACKAGE_FIELDS} } }`;
const TICKET_PANEL = `query ($id: ID!, $scope: InventoryScope) {
  ticket(id: $id) {
    inventory {
      salesOrders(scope: $scope, first: 100) { nodes { id } }
      invoices(scope: $scope, first: 100) { nodes { id } }
    }
  }
}`;
const ACTIVITY = `query ($id: ID!) {
  contact(id: $id) {
    inventory { activity(first: 50) { nodes { kind summary invoice { id } salesOrder { id } } } }
  }
}`;

/** Amounts as the product keeps them: to the cent. */
const cents = (value: number) => Math.round(value * 100) / 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('inventory documents from desk tickets (INV-7, INV-8, INV-9)', () => {
  let graph: Graph;
  let smtp: SmtpServer;
  const { sql, count } = sqlOn(() => graph.dataSources.inventory);

  let organizationId: string;
  /** A seeded contact without a customer record, with two tickets: the record is made here. */
  let contact: DeskContact;
  let ticketId: string;
  let otherTicketId: string;
  /** A seeded contact without a customer record, who keeps having none. */
  let withoutRecord: DeskContact;
  let customer: Customer;
  let items: { id: string; sku: string; rate: number }[];
  let inactiveItemId: string;
  let wholesaleItemId: string;
  let sequencesBefore: { kind: string; next_value: number }[];

  const query = <T>(as: DemoAgent, text: string, variables?: Record<string, unknown>) =>
    graph.query<T>(as, text, variables);
  const mutate = <T>(text: string, variables: Record<string, unknown>) =>
    mutateOk<T>(graph, 'agent', text, variables);

  const line = (index: number, quantity: number, rate?: number): LineInput => ({
    itemId: items[index].id,
    quantity,
    ...(rate === undefined ? {} : { rate }),
  });

  const createSalesOrder = (lineItems: LineInput[], notes?: string) =>
    mutate<SalesOrder>(CREATE_SALES_ORDER, { input: { ticketId, lineItems, notes } });
  const createInvoice = (lineItems: LineInput[], salesOrderId?: string, dueOn?: string) =>
    mutate<Invoice>(CREATE_INVOICE, { input: { ticketId, lineItems, salesOrderId, dueOn } });
  const sendSalesOrder = (id: string) => mutate<SalesOrder>(SEND_SALES_ORDER, { id });

  async function salesOrder(id: string): Promise<SalesOrder> {
    const res = await query<{ inventorySalesOrder: SalesOrder }>('agent', SALES_ORDER, { id });
    expectNoErrors(res);
    return res.data?.inventorySalesOrder as SalesOrder;
  }

  async function invoice(id: string): Promise<Invoice> {
    const res = await query<{ inventoryInvoice: Invoice }>('agent', INVOICE, { id });
    expectNoErrors(res);
    return res.data?.inventoryInvoice as Invoice;
  }

  /** The number the organization's next document of a kind gets: one past the highest there is. */
  /**
   * The number the next document gets: the organization's sequence, which is past every number
   * used (another suite's deleted documents included), so never a number already taken.
   */
  async function nextNumber(kind: 'SO' | 'INV'): Promise<string> {
    const table = kind === 'SO' ? 'sales_order' : 'invoice';
    const [{ highest, next }] = await sql<{ highest: number; next: number }>(
      `SELECT (SELECT max(split_part(number, '-', 2)::int) FROM inventory.${table}
                WHERE organization_id = $1) AS highest,
              (SELECT next_value FROM inventory.document_sequence
                WHERE organization_id = $1 AND kind = $2) AS next`,
      [organizationId, kind],
    );
    expect(next).toBeGreaterThan(highest);
    return `${kind}-${String(next).padStart(5, '0')}`;
  }

  const expectedLines = (lines: LineInput[]) =>
    lines.map((input) => {
      const item = items.find((candidate) => candidate.id === input.itemId);
      const rate = input.rate ?? (item?.rate as number);
      return {
        item: { id: input.itemId },
        quantity: input.quantity,
        rate,
        amount: cents(input.quantity * rate),
      };
    });

  const totalOf = (lines: { amount: number }[]) =>
    cents(lines.reduce((sum, entry) => sum + entry.amount, 0));

  async function ticketPanel(id: string, scope: 'THIS_TICKET' | 'ALL_OF_CONTACT') {
    const res = await query<{
      ticket: {
        inventory: {
          salesOrders: { nodes: { id: string }[] };
          invoices: { nodes: { id: string }[] };
        };
      };
    }>('agent', TICKET_PANEL, { id, scope });
    expectNoErrors(res);
    const panel = res.data?.ticket.inventory;
    return {
      salesOrders: panel?.salesOrders.nodes.map((node) => node.id) ?? [],
      invoices: panel?.invoices.nodes.map((node) => node.id) ?? [],
    };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    graph = await startGraph({
      workers: true,
      configure: (config) => ({
        ...config,
        jobs: { ...config.jobs, pollIntervalSeconds: 0.5 },
        mail: { ...config.mail, smtpUrl: smtp.url, retryLimit: 2, retryDelaySeconds: 1 },
      }),
    });
    [{ organization_id: organizationId }] = await sql<{ organization_id: string }>(
      'SELECT organization_id FROM inventory.integration WHERE id = 1',
    );
    sequencesBefore = await sql(
      'SELECT kind, next_value FROM inventory.document_sequence WHERE organization_id = $1',
      [organizationId],
    );

    const contacts = await query<{ contacts: { nodes: DeskContact[] } }>(
      'admin',
      `{ contacts(first: 100) {
          nodes { id name email primaryAccount { id name } tickets(first: 2) { nodes { id } } }
        } }`,
    );
    expectNoErrors(contacts);
    const mapped = new Set(
      (
        await sql<{ contact_id: string }>(
          'SELECT contact_id FROM inventory.customer WHERE organization_id = $1 AND contact_id IS NOT NULL',
          [organizationId],
        )
      ).map((row) => row.contact_id),
    );
    // From the end of the list: other files that need such a contact are likelier to take the first.
    const candidates = (contacts.data?.contacts.nodes ?? [])
      .filter((candidate) => !mapped.has(candidate.id) && candidate.primaryAccount)
      .reverse();
    const twoTickets = candidates.find((candidate) => candidate.tickets.nodes.length === 2);
    const oneTicket = candidates.find(
      (candidate) => candidate !== twoTickets && candidate.tickets.nodes.length > 0,
    );
    if (!twoTickets || !oneTicket)
      throw new Error('the seed lacks contacts without a customer record');
    contact = twoTickets;
    [ticketId, otherTicketId] = contact.tickets.nodes.map((node) => node.id);
    withoutRecord = oneTicket;

    items = (
      await sql<{ id: string; sku: string; rate: string }>(
        `SELECT id, sku, rate FROM inventory.item WHERE organization_id = $1 AND status = 'ACTIVE'
         ORDER BY sku LIMIT 3`,
        [organizationId],
      )
    ).map((row) => ({ ...row, rate: Number(row.rate) }));
    [{ id: inactiveItemId }] = await sql<{ id: string }>(
      `SELECT id FROM inventory.item WHERE organization_id = $1 AND status = 'INACTIVE' LIMIT 1`,
      [organizationId],
    );
    [{ id: wholesaleItemId }] = await sql<{ id: string }>(
      'SELECT id FROM inventory.item WHERE organization_id <> $1 LIMIT 1',
      [organizationId],
    );
  });

  afterAll(async () => {
    try {
      const customers = (
        await sql<{ id: string }>(
          'SELECT id FROM inventory.customer WHERE organization_id = $1 AND contact_id = ANY($2)',
          [organizationId, [contact?.id, withoutRecord?.id].filter(Boolean)],
        )
      ).map((row) => row.id);
      if (customers.length > 0) {
        const documents = `SELECT id FROM inventory.sales_order WHERE customer_id = ANY($1)
          UNION ALL SELECT id FROM inventory.invoice WHERE customer_id = ANY($1)`;
        await sql(
          `DELETE FROM inventory.mail_message WHERE related_id IN (SELECT id::text FROM (${documents}) d)`,
          [customers],
        );
        await sql('DELETE FROM inventory.activity WHERE customer_id = ANY($1)', [customers]);
        await sql(
          `DELETE FROM inventory.package WHERE sales_order_id IN
             (SELECT id FROM inventory.sales_order WHERE customer_id = ANY($1))`,
          [customers],
        );
        await sql('DELETE FROM inventory.invoice WHERE customer_id = ANY($1)', [customers]);
        await sql('DELETE FROM inventory.sales_order WHERE customer_id = ANY($1)', [customers]);
        await sql('DELETE FROM inventory.customer WHERE id = ANY($1)', [customers]);
      }
      if (sequencesBefore) {
        await sql(
          `UPDATE inventory.document_sequence s SET next_value = b.next_value
           FROM unnest($2::text[], $3::int[]) AS b(kind, next_value)
           WHERE s.organization_id = $1 AND s.kind = b.kind`,
          [
            organizationId,
            sequencesBefore.map((row) => row.kind),
            sequencesBefore.map((row) => row.next_value),
          ],
        );
      }
    } finally {
      await graph?.stop();
      await smtp?.close();
    }
  });

  describe('INV-9: the customer record of a desk contact', () => {
    const billing: Address = {
      attention: 'Receiving',
      street: '1-2-3 Marunouchi',
      city: 'Tokyo',
      state: 'Tokyo',
      zip: '1000005',
      country: 'Japan',
    };

    it('refuses a blank street, and a contact that does not exist, creating nothing', async () => {
      const res = await query('agent', CREATE_CUSTOMER, {
        input: { contactId: contact.id, billingAddress: { ...billing, street: '  ' } },
      });
      expectError(res, 'BAD_USER_INPUT', ['createInventoryCustomer']);
      expect(res.errors?.[0].extensions?.field).toBe('billingAddress.street');
      expectError(
        await query('agent', CREATE_CUSTOMER, { input: { contactId: randomUUID() } }),
        'NOT_FOUND',
      );
      expect(
        await count('SELECT 1 FROM inventory.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(0);
    });

    it('takes name and e-mail from desk, stores the addresses, and ships to the billing address by default', async () => {
      customer = await mutate<Customer>(CREATE_CUSTOMER, {
        input: { contactId: contact.id, billingAddress: billing },
      });
      expect(customer).toEqual({
        id: expect.any(String),
        name: contact.name,
        email: contact.email.toLowerCase(),
        companyName: contact.primaryAccount?.name,
        contact: { id: contact.id },
        billingAddress: billing,
        shippingAddress: billing,
      });
      const [row] = await sql<{ billing_address: Address; shipping_address: Address }>(
        `SELECT billing_address, shipping_address FROM inventory.customer
         WHERE id = $1 AND organization_id = $2 AND contact_id = $3`,
        [customer.id, organizationId, contact.id],
      );
      expect(row).toEqual({ billing_address: billing, shipping_address: billing });
      const read = await query<{ inventoryCustomer: Customer }>('agent', CUSTOMER, {
        contactId: contact.id,
      });
      expect(read.data?.inventoryCustomer).toEqual(customer);
    });

    it('refuses a second record for the same contact', async () => {
      const res = await query('agent', CREATE_CUSTOMER, {
        input: { contactId: contact.id, billingAddress: billing },
      });
      expectError(res, 'CONFLICT', ['createInventoryCustomer']);
      expect(
        await count('SELECT 1 FROM inventory.customer WHERE contact_id = $1', [contact.id]),
      ).toBe(1);
    });

    it('changes the company name and the shipping address, leaving the billing address', async () => {
      const shipping: Address = {
        attention: null,
        street: '4-5-6 Umeda',
        city: 'Osaka',
        state: null,
        zip: null,
        country: 'Japan',
      };
      const updated = await mutate<Customer>(UPDATE_CUSTOMER, {
        id: customer.id,
        input: { companyName: 'Aozora Test Buyers', shippingAddress: shipping },
      });
      expect(updated).toEqual({
        ...customer,
        companyName: 'Aozora Test Buyers',
        shippingAddress: shipping,
      });
      const [row] = await sql<{ company_name: string; shipping_address: Address }>(
        'SELECT company_name, shipping_address FROM inventory.customer WHERE id = $1',
        [customer.id],
      );
      expect(row).toEqual({ company_name: 'Aozora Test Buyers', shipping_address: shipping });
      customer = updated;
    });
  });

  describe('INV-7: sales orders and invoices from a ticket', () => {
    it('creates a draft sales order linked to the ticket, numbered after the organization’s last', async () => {
      const number = await nextNumber('SO');
      const lines = [line(0, 2), line(1, 3, 1500)];
      const order = await createSalesOrder(lines, 'Deliver before noon');
      const expected = expectedLines(lines);
      expect(order).toMatchObject({
        number,
        status: 'DRAFT',
        shipmentStatus: 'NOT_SHIPPED',
        invoicedStatus: 'NOT_INVOICED',
        currency: 'JPY',
        notes: 'Deliver before noon',
        customer: { id: customer.id },
        ticket: { id: ticketId },
        lineItems: expected.map((entry) => expect.objectContaining(entry)),
        total: totalOf(expected),
        invoices: [],
        emails: [],
      });
      const [row] = await sql<{ total: string; ticket_id: string; lines: number }>(
        `SELECT total, ticket_id, (SELECT count(*)::int FROM inventory.sales_order_line
           WHERE sales_order_id = o.id) AS lines
         FROM inventory.sales_order o WHERE id = $1`,
        [order.id],
      );
      expect(row).toEqual({ total: totalOf(expected).toFixed(2), ticket_id: ticketId, lines: 2 });

      // On the panel of the ticket it came from; on the contact's other ticket only for "all".
      expect((await ticketPanel(ticketId, 'THIS_TICKET')).salesOrders).toContain(order.id);
      expect((await ticketPanel(otherTicketId, 'THIS_TICKET')).salesOrders).not.toContain(order.id);
      expect((await ticketPanel(otherTicketId, 'ALL_OF_CONTACT')).salesOrders).toContain(order.id);
    });

    it('creates a draft invoice linked to the ticket, due in 30 days by default', async () => {
      const number = await nextNumber('INV');
      const lines = [line(2, 1), line(0, 4)];
      const created = await createInvoice(lines);
      const expected = expectedLines(lines);
      expect(created).toMatchObject({
        number,
        status: 'DRAFT',
        currency: 'JPY',
        customer: { id: customer.id },
        salesOrder: null,
        ticket: { id: ticketId },
        lineItems: expected.map((entry) => expect.objectContaining(entry)),
        total: totalOf(expected),
        balanceDue: totalOf(expected),
        emails: [],
      });
      const dueOn = new Date(Date.parse(`${created.issuedOn}T00:00:00Z`) + 30 * 24 * HOUR_MS);
      expect(created.dueOn).toBe(dueOn.toISOString().slice(0, 10));

      const chosen = await createInvoice([line(0, 1)], undefined, '2099-12-31');
      expect(chosen.dueOn).toBe('2099-12-31');
      const past = await query('agent', CREATE_INVOICE, {
        input: { ticketId, lineItems: [line(0, 1)], dueOn: '2020-01-01' },
      });
      expectError(past, 'BAD_USER_INPUT', ['createInventoryInvoice']);
      expect(past.errors?.[0].extensions?.field).toBe('dueOn');
      expect((await ticketPanel(ticketId, 'THIS_TICKET')).invoices).toContain(created.id);
      expect((await ticketPanel(otherTicketId, 'THIS_TICKET')).invoices).not.toContain(created.id);
    });

    it('refuses a ticket whose contact has no customer record, and a ticket that does not exist', async () => {
      const input = { lineItems: [line(0, 1)] };
      for (const mutation of [CREATE_SALES_ORDER, CREATE_INVOICE]) {
        const res = await query('agent', mutation, {
          input: { ...input, ticketId: withoutRecord.tickets.nodes[0].id },
        });
        expectError(res, 'BAD_USER_INPUT');
        expect(res.errors?.[0].message).toMatch(/createInventoryCustomer/);
        expectError(
          await query('agent', mutation, { input: { ...input, ticketId: randomUUID() } }),
          'NOT_FOUND',
        );
      }
    });

    it.each<[string, () => LineInput]>([
      ['an item that does not exist', () => ({ itemId: randomUUID(), quantity: 1 })],
      ['an inactive item', () => ({ itemId: inactiveItemId, quantity: 1 })],
      ['an item of another organization', () => ({ itemId: wholesaleItemId, quantity: 1 })],
      ['a quantity of 0', () => line(1, 0)],
      ['a rate with 3 decimals', () => line(1, 1, 10.005)],
      ['a negative rate', () => line(1, 1, -5)],
    ])('refuses %s, naming the line, and creates nothing', async (_, badLine) => {
      const before = await count('SELECT 1 FROM inventory.sales_order WHERE customer_id = $1', [
        customer.id,
      ]);
      for (const mutation of [CREATE_SALES_ORDER, CREATE_INVOICE]) {
        const res = await query('agent', mutation, {
          input: { ticketId, lineItems: [line(0, 1), badLine()] },
        });
        expectError(res, 'BAD_USER_INPUT');
        expect(res.errors?.[0].message).toContain('lineItems[1]');
        expect(res.errors?.[0].extensions?.field).toBe('lineItems[1]');
      }
      expect(
        await count('SELECT 1 FROM inventory.sales_order WHERE customer_id = $1', [customer.id]),
      ).toBe(before);
    });

    it('replaces a draft sales order’s lines and notes, and refuses to change it once sent', async () => {
      const order = await createSalesOrder([line(0, 1)]);
      const lines = [line(1, 4), line(2, 2, 990)];
      const updated = await mutate<SalesOrder>(UPDATE_SALES_ORDER, {
        id: order.id,
        input: { lineItems: lines, notes: 'Leave at reception' },
      });
      const expected = expectedLines(lines);
      expect(updated).toMatchObject({
        id: order.id,
        number: order.number,
        status: 'DRAFT',
        notes: 'Leave at reception',
        lineItems: expected.map((entry) => expect.objectContaining(entry)),
        total: totalOf(expected),
      });
      // Notes alone leave the lines as they are.
      const notesOnly = await mutate<SalesOrder>(UPDATE_SALES_ORDER, {
        id: order.id,
        input: { notes: 'Ring twice' },
      });
      expect(notesOnly.lineItems).toEqual(updated.lineItems);
      expect(notesOnly.notes).toBe('Ring twice');

      const sent = await sendSalesOrder(order.id);
      expect(sent.status).toBe('CONFIRMED');
      const res = await query('agent', UPDATE_SALES_ORDER, {
        id: order.id,
        input: { lineItems: [line(0, 9)] },
      });
      expectError(res, 'BAD_USER_INPUT', ['updateInventorySalesOrder']);
      expect(res.errors?.[0].message).toMatch(/CONFIRMED/);
      expect((await salesOrder(order.id)).lineItems).toEqual(notesOnly.lineItems);
    });

    it('invoices what a confirmed sales order has not billed yet when no lines are given', async () => {
      const order = await createSalesOrder([line(0, 2), line(1, 1)]);
      const draftRefused = await query('agent', CREATE_INVOICE, {
        input: { ticketId, lineItems: [], salesOrderId: order.id },
      });
      expectError(draftRefused, 'BAD_USER_INPUT');
      expect(draftRefused.errors?.[0].message).toMatch(/DRAFT/);

      expect((await sendSalesOrder(order.id)).status).toBe('CONFIRMED');
      const first = await createInvoice([line(0, 1)], order.id);
      expect(first.salesOrder).toEqual({ id: order.id });
      expect((await salesOrder(order.id)).invoicedStatus).toBe('PARTIALLY_INVOICED');

      const rest = await createInvoice([], order.id);
      const expected = expectedLines([line(0, 1), line(1, 1)]);
      expect(rest.lineItems).toEqual(expected.map((entry) => expect.objectContaining(entry)));
      expect(rest.total).toBe(totalOf(expected));
      const billed = await salesOrder(order.id);
      expect(billed.invoicedStatus).toBe('INVOICED');
      expect(billed.invoices.map((entry) => entry.id).sort()).toEqual([first.id, rest.id].sort());

      const nothingLeft = await query('agent', CREATE_INVOICE, {
        input: { ticketId, lineItems: [], salesOrderId: order.id },
      });
      expectError(nothingLeft, 'BAD_USER_INPUT');
      expect(nothingLeft.errors?.[0].message).toMatch(/fully invoiced/);
    });

    it('bills each of two lines of the same item once when invoicing what is left', async () => {
      const order = await createSalesOrder([line(0, 2), line(0, 3)]);
      await sendSalesOrder(order.id);
      await createInvoice([line(0, 1)], order.id);
      const rest = await createInvoice([], order.id);
      // Five ordered, one billed: four are left.
      expect(rest.lineItems.reduce((sum, entry) => sum + entry.quantity, 0)).toBe(4);
      expect((await salesOrder(order.id)).invoicedStatus).toBe('INVOICED');
    });
  });

  describe('sending by e-mail', () => {
    it('sends an invoice: SENT at once, its e-mail QUEUED until the SMTP server takes it, then SENT', async () => {
      const draft = await createInvoice([line(0, 1), line(2, 2)]);
      const edited = await mutate<Invoice>(UPDATE_INVOICE, {
        id: draft.id,
        input: { notes: 'Payable by bank transfer' },
      });
      expect(edited.notes).toBe('Payable by bank transfer');

      smtp.hold(draft.number);
      try {
        const sent = await mutate<Invoice>(SEND_INVOICE, { id: draft.id });
        const subject = `Invoice ${draft.number}`;
        expect(sent.status).toBe('SENT');
        expect(sent.emails).toEqual([
          { to: customer.email, subject, status: 'QUEUED', sentAt: null },
        ]);
        // The SMTP server has the message but has not answered: still queued.
        await waitFor('the message to reach the SMTP server', async () =>
          smtp.held.some((message) => message.subject.includes(draft.number)),
        );
        expect((await invoice(draft.id)).emails.map((email) => email.status)).toEqual(['QUEUED']);
      } finally {
        smtp.release();
      }
      const delivered = await waitFor('the invoice e-mail to be sent', async () => {
        const current = await invoice(draft.id);
        return current.emails[0]?.status === 'SENT' && current;
      });
      expect(delivered.emails).toEqual([
        {
          to: customer.email,
          subject: `Invoice ${draft.number}`,
          status: 'SENT',
          sentAt: expect.any(String),
        },
      ]);
      expect(delivered.status).toBe('SENT');
      const received = smtp.received.filter((message) => message.subject.includes(draft.number));
      expect(received).toEqual([
        expect.objectContaining({ to: [customer.email], subject: `Invoice ${draft.number}` }),
      ]);

      const res = await query<{
        contact: {
          inventory: {
            activity: {
              nodes: { kind: string; summary: string; invoice: { id: string } | null }[];
            };
          };
        };
      }>('agent', ACTIVITY, { id: contact.id });
      expectNoErrors(res);
      const entries = res.data?.contact.inventory.activity.nodes ?? [];
      const sentEntry = entries.find(
        (entry) => entry.kind === 'INVOICE_SENT' && entry.invoice?.id === draft.id,
      );
      expect(sentEntry?.summary).toContain(draft.number);
      expect(sentEntry?.summary).toContain(customer.email);

      // A sent invoice is no draft any more.
      const refused = await query('agent', UPDATE_INVOICE, {
        id: draft.id,
        input: { notes: 'Changed my mind' },
      });
      expectError(refused, 'BAD_USER_INPUT', ['updateInventoryInvoice']);
    });

    it('sends a sales order: it becomes CONFIRMED and its e-mail reaches the customer', async () => {
      const order = await createSalesOrder([line(1, 1)]);
      const sent = await sendSalesOrder(order.id);
      expect(sent.status).toBe('CONFIRMED');
      expect(sent.emails).toEqual([
        expect.objectContaining({ to: customer.email, subject: `Sales order ${order.number}` }),
      ]);
      await waitFor('the sales order e-mail to be sent', async () => {
        const current = await salesOrder(order.id);
        return current.emails[0]?.status === 'SENT';
      });
      expect(smtp.received.filter((message) => message.subject.includes(order.number))).toEqual([
        expect.objectContaining({ to: [customer.email], subject: `Sales order ${order.number}` }),
      ]);
    });
  });

  describe('INV-8: delivery of packages', () => {
    let order: SalesOrder;
    /** Two packages of the order: the first holds the first line (2 units), the second the rest. */
    let packages: string[];
    /** Whole seconds, so that what comes back compares exactly. */
    const base = Math.floor(Date.now() / 1000) * 1000;
    const at = (hoursAgo: number) => new Date(base - hoursAgo * HOUR_MS).toISOString();
    const packedAt = at(48);

    const advance = (id: string, input: Record<string, unknown>) =>
      query<{ advanceInventoryPackage: Package }>('agent', ADVANCE, { id, input });

    async function advanced(id: string, input: Record<string, unknown>): Promise<Package> {
      const res = await advance(id, input);
      expectNoErrors(res);
      return res.data?.advanceInventoryPackage as Package;
    }

    /** Units ordered, shipped and delivered, as the tables hold them. */
    async function units() {
      const [row] = await sql<{ ordered: number; shipped: number; delivered: number }>(
        `SELECT (SELECT sum(quantity)::int FROM inventory.sales_order_line WHERE sales_order_id = $1) AS ordered,
                COALESCE(sum(pl.quantity) FILTER (WHERE p.delivery_status <> 'PACKED'), 0)::int AS shipped,
                COALESCE(sum(pl.quantity) FILTER (WHERE p.delivery_status = 'DELIVERED'), 0)::int AS delivered
         FROM inventory.package p JOIN inventory.package_line pl ON pl.package_id = p.id
         WHERE p.sales_order_id = $1`,
        [order.id],
      );
      return row;
    }

    const shipmentStatus = async () => (await salesOrder(order.id)).shipmentStatus;

    beforeAll(async () => {
      order = await createSalesOrder([line(0, 2), line(1, 1)]);
      order = await sendSalesOrder(order.id);
      // Packing has no mutation: the packages are made as inventory's own staff would, packed.
      const lines = await sql<{ id: string }>(
        'SELECT id FROM inventory.sales_order_line WHERE sales_order_id = $1 ORDER BY position',
        [order.id],
      );
      packages = [];
      for (const [index, { id: lineId }] of lines.entries()) {
        const [{ id }] = await sql<{ id: string }>(
          `INSERT INTO inventory.package (sales_order_id, number, packed_on, delivery_status)
           VALUES ($1, $2, $3::timestamptz::date, 'PACKED') RETURNING id`,
          [order.id, `PKG-T${randomUUID().slice(0, 6)}`, packedAt],
        );
        await sql(
          `INSERT INTO inventory.package_line (package_id, sales_order_line_id, quantity)
           SELECT $1, id, quantity FROM inventory.sales_order_line WHERE id = $2`,
          [id, lineId],
        );
        await sql(
          `INSERT INTO inventory.tracking_event (package_id, status, occurred_at) VALUES ($1, 'PACKED', $2)`,
          [id, packedAt],
        );
        packages[index] = id;
      }
    });

    it('needs a carrier and a tracking number to ship', async () => {
      const noCarrier = await advance(packages[0], { status: 'SHIPPED', trackingNumber: '4711' });
      expectError(noCarrier, 'BAD_USER_INPUT', ['advanceInventoryPackage']);
      expect(noCarrier.errors?.[0].extensions?.field).toBe('carrier');
      const noNumber = await advance(packages[0], { status: 'SHIPPED', carrier: 'Yamato' });
      expectError(noNumber, 'BAD_USER_INPUT', ['advanceInventoryPackage']);
      expect(noNumber.errors?.[0].extensions?.field).toBe('trackingNumber');
      expect(
        await count('SELECT 1 FROM inventory.tracking_event WHERE package_id = $1', [packages[0]]),
      ).toBe(1);
    });

    it('moves forward step by step, keeping every step with its time, and the order’s shipment status follows', async () => {
      const shipped = await advanced(packages[0], {
        status: 'SHIPPED',
        occurredAt: at(30),
        carrier: 'Yamato',
        trackingNumber: '4711-0815',
        note: 'Picked up',
      });
      expect(shipped).toMatchObject({
        deliveryStatus: 'SHIPPED',
        carrier: 'Yamato',
        trackingNumber: '4711-0815',
        deliveredAt: null,
      });
      expect(Date.parse(shipped.shippedAt as string)).toBe(Date.parse(at(30)));
      // Two of three units are on their way.
      expect(await units()).toEqual({ ordered: 3, shipped: 2, delivered: 0 });
      expect(shipped.salesOrder.shipmentStatus).toBe('PARTIALLY_SHIPPED');

      await advanced(packages[0], { status: 'IN_TRANSIT', occurredAt: at(20) });
      await advanced(packages[0], { status: 'OUT_FOR_DELIVERY', occurredAt: at(3) });
      const delivered = await advanced(packages[0], {
        status: 'DELIVERED',
        occurredAt: at(1),
        note: 'Signed for',
      });
      expect(delivered.deliveryStatus).toBe('DELIVERED');
      expect(Date.parse(delivered.deliveredAt as string)).toBe(Date.parse(at(1)));

      const res = await query<{ inventoryPackage: Package }>('agent', PACKAGE, { id: packages[0] });
      expectNoErrors(res);
      const tracking = res.data?.inventoryPackage.tracking ?? [];
      expect(tracking.map((step) => [step.status, Date.parse(step.occurredAt), step.note])).toEqual(
        [
          ['PACKED', Date.parse(packedAt), null],
          ['SHIPPED', Date.parse(at(30)), 'Picked up'],
          ['IN_TRANSIT', Date.parse(at(20)), null],
          ['OUT_FOR_DELIVERY', Date.parse(at(3)), null],
          ['DELIVERED', Date.parse(at(1)), 'Signed for'],
        ],
      );
      // One unit is still packed, so the order is not fulfilled.
      expect(await units()).toEqual({ ordered: 3, shipped: 2, delivered: 2 });
      expect(await shipmentStatus()).toBe('PARTIALLY_SHIPPED');
    });

    it('never moves backwards or repeats a step', async () => {
      for (const status of ['IN_TRANSIT', 'DELIVERED', 'PACKED']) {
        const res = await advance(packages[0], { status, occurredAt: at(0.5) });
        expectError(res, 'BAD_USER_INPUT', ['advanceInventoryPackage']);
        expect(res.errors?.[0].message).toMatch(/DELIVERED/);
      }
      expect(
        await count('SELECT 1 FROM inventory.tracking_event WHERE package_id = $1', [packages[0]]),
      ).toBe(5);
    });

    it('refuses a step dated before the previous one, or in the future', async () => {
      await advanced(packages[1], {
        status: 'SHIPPED',
        occurredAt: at(10),
        carrier: 'Sagawa',
        trackingNumber: 'SG-1',
      });
      expect(await units()).toEqual({ ordered: 3, shipped: 3, delivered: 2 });
      expect(await shipmentStatus()).toBe('SHIPPED');

      const early = await advance(packages[1], { status: 'IN_TRANSIT', occurredAt: at(11) });
      expectError(early, 'BAD_USER_INPUT', ['advanceInventoryPackage']);
      expect(early.errors?.[0].extensions?.field).toBe('occurredAt');
      const future = await advance(packages[1], {
        status: 'IN_TRANSIT',
        occurredAt: new Date(base + 24 * HOUR_MS).toISOString(),
      });
      expectError(future, 'BAD_USER_INPUT', ['advanceInventoryPackage']);
      expect(
        await count('SELECT 1 FROM inventory.tracking_event WHERE package_id = $1', [packages[1]]),
      ).toBe(2);
    });

    it('fulfils the order once every ordered unit is delivered', async () => {
      // A package may skip steps on its way forward.
      const delivered = await advanced(packages[1], { status: 'DELIVERED', occurredAt: at(2) });
      expect(delivered.tracking.map((step) => step.status)).toEqual([
        'PACKED',
        'SHIPPED',
        'DELIVERED',
      ]);
      expect(await units()).toEqual({ ordered: 3, shipped: 3, delivered: 3 });
      expect(delivered.salesOrder.shipmentStatus).toBe('FULFILLED');
      const [row] = await sql<{ shipment_status: string }>(
        'SELECT shipment_status FROM inventory.sales_order WHERE id = $1',
        [order.id],
      );
      expect(row.shipment_status).toBe('FULFILLED');
    });
  });
});
