import { Graph, startGraph } from './harness';
import {
  accountWithContacts,
  expectNoErrors,
  mutateOk,
  statementsForAccount,
  sqlOn,
  unique,
} from './expectations';

/**
 * Batching for inventory's panels: the SQL an account's panel costs the inventory subgraph does
 * not grow with the number of contacts the account has, nor with the number of contact panels
 * asked for in one query.
 */

const ACCOUNT_PANEL = /* GraphQL */ `
  query AccountPanel($id: ID!) {
    account(id: $id) {
      inventory {
        customers {
          email
        }
        overview {
          recentShipments {
            number
          }
          itemsBought {
            quantity
            item {
              sku
            }
          }
        }
        activity(first: 20) {
          nodes {
            kind
          }
        }
        salesOrders(first: 20) {
          totalCount
          nodes {
            number
            lineItems {
              quantity
              item {
                sku
              }
            }
            customer {
              email
            }
          }
        }
        invoices(first: 20) {
          nodes {
            number
          }
        }
      }
    }
  }
`;

const CONTACT_PANELS = /* GraphQL */ `
  query ContactPanels($id: ID!) {
    account(id: $id) {
      contacts(first: 50) {
        nodes {
          contact {
            inventory {
              salesOrders {
                totalCount
              }
            }
          }
        }
      }
    }
  }
`;

const TICKET_PANELS = /* GraphQL */ `
  query TicketPanels($id: ID!) {
    account(id: $id) {
      tickets(first: 50) {
        nodes {
          inventory {
            salesOrders(scope: THIS_TICKET) {
              totalCount
              nodes {
                number
              }
            }
            invoices {
              totalCount
            }
          }
        }
      }
    }
  }
`;

interface AccountPanel {
  account: {
    inventory: {
      customers: { email: string }[];
      overview: { recentShipments: { number: string }[]; itemsBought: { quantity: number }[] };
      activity: { nodes: { kind: string }[] };
      salesOrders: { totalCount: number; nodes: { lineItems: unknown[] }[] };
      invoices: { nodes: { number: string }[] };
    };
  };
}

interface TicketPanels {
  account: {
    tickets: {
      nodes: {
        inventory: {
          salesOrders: { totalCount: number; nodes: { number: string }[] };
          invoices: { totalCount: number };
        };
      }[];
    };
  };
}

interface ContactPanels {
  account: {
    contacts: {
      nodes: { contact: { inventory: { salesOrders: { totalCount: number } } } }[];
    };
  };
}

describe('inventory batching: SQL statements per panel do not grow with the contacts it covers', () => {
  let graph: Graph;
  const { sql } = sqlOn(() => graph.dataSources.inventory);
  /** Marks every inventory row made here, so afterAll removes exactly these. */
  const mark = unique('inventory-batching').replace(/\s+/g, '-');
  let organizationId: string;
  let departmentId: string;
  const accounts: Record<'small' | 'large', { id: string; size: number }> = {
    small: { id: '', size: 5 },
    large: { id: '', size: 50 },
  };

  /**
   * An account with `size` contacts, each with a ticket and a customer record with one shipped
   * sales order of one line made from that ticket, one invoice and one activity: every loader of the panel has something to load for every
   * contact, so the two accounts compare like with like.
   */
  async function accountWithCustomers(size: number): Promise<string> {
    const { accountId, contactIds } = await accountWithContacts(graph, {
      name: unique(`Inventory batching ${size}`),
      size,
      lastName: 'Customer',
      emailOf: (i) => `${mark}-${size}-${i}@example.test`,
    });
    const ticketIds: string[] = [];
    for (const [i, id] of contactIds.entries()) {
      const ticket = await mutateOk<{ id: string }>(
        graph,
        'admin',
        'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }',
        { input: { subject: `${mark} ${size} ${i}`, contactId: id, departmentId } },
      );
      ticketIds.push(ticket.id);
    }
    // Straight into inventory's tables: the API would make the setup slow without testing more.
    const [{ itemId }] = await sql<{ itemId: string }>(
      `SELECT id AS "itemId" FROM inventory.item
        WHERE organization_id = $1 AND status = 'ACTIVE' ORDER BY sku LIMIT 1`,
      [organizationId],
    );
    await sql(
      `WITH customers AS (
         INSERT INTO inventory.customer
           (organization_id, contact_id, name, email, company_name, billing_address, shipping_address)
         SELECT $1, c.id, 'Batch Customer ' || c.n, $3 || '-' || $4::text || '-' || c.n || '@example.test',
                $3, '{"street":"1 Batch Street","city":"Tokyo","country":"Japan"}'::jsonb,
                '{"street":"1 Batch Street","city":"Tokyo","country":"Japan"}'::jsonb
           FROM unnest($2::uuid[]) WITH ORDINALITY AS c(id, n)
         RETURNING id, email, contact_id
       ), orders AS (
         INSERT INTO inventory.sales_order
           (organization_id, customer_id, number, ordered_on, status, shipment_status,
            invoiced_status, total, currency, notes, ticket_id)
         SELECT $1, cu.id, 'SO-' || cu.email, current_date, 'CONFIRMED', 'SHIPPED', 'INVOICED',
                100, 'JPY', $3, t.ticket_id
           FROM customers cu
           JOIN unnest($2::uuid[], $6::uuid[]) AS t(contact_id, ticket_id)
             ON t.contact_id = cu.contact_id
         RETURNING id, customer_id, number
       ), order_lines AS (
         INSERT INTO inventory.sales_order_line
           (sales_order_id, position, item_id, quantity, rate, amount)
         SELECT id, 1, $5, 2, 50, 100 FROM orders
       ), invoices AS (
         INSERT INTO inventory.invoice
           (organization_id, customer_id, sales_order_id, number, issued_on, due_on, status,
            total, balance_due, currency, notes)
         SELECT $1, customer_id, id, 'INV-' || number, current_date, current_date, 'PAID', 100, 0,
                'JPY', $3
           FROM orders
       ), packages AS (
         INSERT INTO inventory.package
           (sales_order_id, number, packed_on, delivery_status, carrier, tracking_number,
            shipped_at)
         SELECT id, 'PKG-' || number, current_date, 'SHIPPED', 'Batch Post', number, now()
           FROM orders
         RETURNING id, shipped_at
       ), tracking AS (
         INSERT INTO inventory.tracking_event (package_id, status, occurred_at)
         SELECT id, 'SHIPPED', shipped_at FROM packages
       )
       INSERT INTO inventory.activity (customer_id, kind, occurred_at, summary, sales_order_id)
       SELECT customer_id, 'SALES_ORDER_CREATED', now(), $3, id FROM orders`,
      [organizationId, contactIds, mark, size, itemId, ticketIds],
    );
    return accountId;
  }

  beforeAll(async () => {
    graph = await startGraph();
    [{ organizationId }] = await sql<{ organizationId: string }>(
      `SELECT organization_id AS "organizationId" FROM inventory.integration WHERE status = 'ENABLED'`,
    );
    const departments = await graph.query<{ departments: { id: string }[] }>(
      'admin',
      '{ departments { id } }',
    );
    expectNoErrors(departments);
    [{ id: departmentId }] = departments.data?.departments ?? [];
    for (const account of Object.values(accounts)) {
      account.id = await accountWithCustomers(account.size);
    }
  });

  afterAll(async () => {
    // Desk's accounts, contacts and tickets stay: their names and e-mails are unique to this run.
    const customers = `SELECT id FROM inventory.customer WHERE company_name = $1`;
    const orders = `SELECT id FROM inventory.sales_order WHERE customer_id IN (${customers})`;
    await sql(`DELETE FROM inventory.activity WHERE customer_id IN (${customers})`, [mark]);
    await sql(`DELETE FROM inventory.package WHERE sales_order_id IN (${orders})`, [mark]);
    await sql(`DELETE FROM inventory.invoice WHERE customer_id IN (${customers})`, [mark]);
    await sql(`DELETE FROM inventory.sales_order WHERE customer_id IN (${customers})`, [mark]);
    await sql('DELETE FROM inventory.customer WHERE company_name = $1', [mark]);
    await graph.stop();
  });

  const statementsFor = <T>(query: string, accountId: string, check: (data: T) => void) =>
    statementsForAccount<T>(graph, 'inventory', query, accountId, check);

  it('an account panel over 50 contacts costs what one over 5 does, and little', async () => {
    const counts: Record<string, number> = {};
    for (const [name, account] of Object.entries(accounts)) {
      counts[name] = await statementsFor<AccountPanel>(ACCOUNT_PANEL, account.id, (data) => {
        const panel = data.account.inventory;
        // Every list is filled, up to its page size, so every loader ran.
        expect(panel.customers).toHaveLength(account.size);
        expect(panel.salesOrders.totalCount).toBe(account.size);
        expect(panel.salesOrders.nodes).toHaveLength(Math.min(account.size, 20));
        expect(panel.salesOrders.nodes.every((order) => order.lineItems.length === 1)).toBe(true);
        expect(panel.invoices.nodes).toHaveLength(Math.min(account.size, 20));
        expect(panel.activity.nodes).toHaveLength(Math.min(account.size, 20));
        expect(panel.overview.recentShipments).toHaveLength(5);
        expect(panel.overview.itemsBought).toEqual([
          { quantity: 2 * account.size, item: { sku: expect.any(String) } },
        ]);
      });
    }
    expect(counts.large).toBe(counts.small);
    // Viewer and integration, customers, one ranking and one load per list, counts, then
    // line items, items and customers of the orders.
    expect(counts.small).toBeGreaterThan(5);
    expect(counts.small).toBeLessThanOrEqual(20);
  });

  it('50 contact panels in one query cost what 5 do', async () => {
    const counts: Record<string, number> = {};
    for (const [name, account] of Object.entries(accounts)) {
      counts[name] = await statementsFor<ContactPanels>(CONTACT_PANELS, account.id, (data) => {
        const nodes = data.account.contacts.nodes;
        expect(nodes).toHaveLength(account.size);
        expect(nodes.every((node) => node.contact.inventory.salesOrders.totalCount === 1)).toBe(
          true,
        );
      });
    }
    expect(counts.large).toBe(counts.small);
    expect(counts.small).toBeGreaterThan(2);
    expect(counts.small).toBeLessThanOrEqual(10);
  });

  it('50 ticket panels narrowed to their ticket in one query cost what 5 do', async () => {
    const counts: Record<string, number> = {};
    for (const [name, account] of Object.entries(accounts)) {
      counts[name] = await statementsFor<TicketPanels>(TICKET_PANELS, account.id, (data) => {
        const nodes = data.account.tickets.nodes;
        expect(nodes).toHaveLength(account.size);
        for (const { inventory } of nodes) {
          expect(inventory.salesOrders.totalCount).toBe(1);
          expect(inventory.salesOrders.nodes).toHaveLength(1);
          expect(inventory.invoices.totalCount).toBe(1);
        }
      });
    }
    expect(counts.large).toBe(counts.small);
    expect(counts.small).toBeGreaterThan(2);
    expect(counts.small).toBeLessThanOrEqual(12);
  });
});
