import { TODAY } from '../../../shared/seed/clock';
import type { DataSource } from 'typeorm';
import { openAndMigrate } from '../../../shared/database/dataSource';
import { logger } from '../../../shared/logger';
import { generateDeskDemo } from '../../desk/seed/generate';
import { createInventoryDataSource, INVENTORY_SCHEMA } from '../database';
import { DELIVERY_STEPS } from '../entities/Package';
import { generateInventoryDemo, inventoryIsSeeded, seedInventory } from './generate';
import { toCents } from './money';

/** The scale test/globalSetup.ts seeds desk with, so customers map to contacts it inserted. */
const SCALE = 0.05;

const demo = generateInventoryDemo(SCALE);
const desk = generateDeskDemo(SCALE);

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function cents(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + toCents(amount), 0);
}

/** Units of each sales order line in the given packages. */
function packedUnits(packageIds: ReadonlySet<string>): Map<string, number> {
  const units = new Map<string, number>();
  for (const line of demo.packageLines) {
    if (packageIds.has(line.packageId)) {
      units.set(line.salesOrderLineId, (units.get(line.salesOrderLineId) ?? 0) + line.quantity);
    }
  }
  return units;
}

const customers = byId(demo.customers);
const orderLines = byId(demo.salesOrderLines);
const linesOf = (orderId: string) =>
  demo.salesOrderLines.filter((line) => line.salesOrderId === orderId);
const packagesOf = (orderId: string) =>
  demo.packages.filter((parcel) => parcel.salesOrderId === orderId);

describe('generateInventoryDemo', () => {
  it('is identical for the same scale, ids included', () => {
    expect(generateInventoryDemo(SCALE)).toEqual(demo);
  });

  it('shows every value of every status column at the smallest scale', () => {
    const values = <T>(rows: readonly T[], pick: (row: T) => string) => new Set(rows.map(pick));
    expect(values(demo.salesOrders, (o) => o.status)).toEqual(
      new Set(['DRAFT', 'CONFIRMED', 'ON_HOLD', 'VOID', 'CLOSED']),
    );
    expect(values(demo.salesOrders, (o) => o.shipmentStatus)).toEqual(
      new Set(['NOT_SHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'FULFILLED']),
    );
    expect(values(demo.salesOrders, (o) => o.invoicedStatus)).toEqual(
      new Set(['NOT_INVOICED', 'PARTIALLY_INVOICED', 'INVOICED']),
    );
    expect(values(demo.invoices, (i) => i.status)).toEqual(
      new Set(['DRAFT', 'SENT', 'VIEWED', 'OVERDUE', 'PAID', 'PARTIALLY_PAID', 'UNPAID', 'VOID']),
    );
    expect(values(demo.packages, (p) => p.deliveryStatus)).toEqual(new Set(DELIVERY_STEPS));
    expect(values(demo.items, (i) => i.status)).toEqual(new Set(['ACTIVE', 'INACTIVE']));
    expect(demo.salesReturns.length).toBeGreaterThan(0);
  });

  it('totals every document as the sum of its line amounts, each quantity times rate', () => {
    const documents = [
      ...demo.salesOrders.map((order) => ({ total: order.total, lines: linesOf(order.id) })),
      ...demo.invoices.map((invoice) => ({
        total: invoice.total,
        lines: demo.invoiceLines.filter((line) => line.invoiceId === invoice.id),
      })),
    ];
    for (const { total, lines } of documents) {
      expect(lines.map((line) => line.position)).toEqual(lines.map((_, index) => index + 1));
      for (const line of lines)
        expect(toCents(line.amount)).toBe(line.quantity * toCents(line.rate));
      expect(toCents(total)).toBe(cents(lines.map((line) => line.amount)));
    }
  });

  it('keeps balances and dates of invoices consistent with their status', () => {
    for (const invoice of demo.invoices) {
      expect(invoice.issuedOn <= invoice.dueOn).toBe(true);
      if (invoice.status === 'PAID' || invoice.status === 'VOID') {
        expect(invoice.balanceDue).toBe(0);
      } else if (invoice.status === 'PARTIALLY_PAID') {
        expect(invoice.balanceDue).toBeGreaterThan(0);
        expect(invoice.balanceDue).toBeLessThan(invoice.total);
      } else {
        expect(invoice.balanceDue).toBe(invoice.total);
      }
    }
  });

  it('ships what the order statuses say and never more than was ordered', () => {
    const shipped = new Set(
      demo.packages.filter((p) => p.deliveryStatus !== 'PACKED').map((p) => p.id),
    );
    const delivered = new Set(
      demo.packages.filter((p) => p.deliveryStatus === 'DELIVERED').map((p) => p.id),
    );
    const packed = packedUnits(new Set(demo.packages.map((p) => p.id)));
    const shippedUnits = packedUnits(shipped);
    const deliveredUnits = packedUnits(delivered);
    for (const [lineId, units] of packed) {
      expect(units).toBeLessThanOrEqual(orderLines.get(lineId)?.quantity ?? 0);
    }
    for (const order of demo.salesOrders) {
      const lines = linesOf(order.id);
      const ordered = lines.reduce((sum, line) => sum + line.quantity, 0);
      const sum = (units: Map<string, number>) =>
        lines.reduce((total, line) => total + (units.get(line.id) ?? 0), 0);
      if (order.status === 'DRAFT' || order.status === 'VOID') {
        expect([order.shipmentStatus, order.invoicedStatus]).toEqual([
          'NOT_SHIPPED',
          'NOT_INVOICED',
        ]);
        expect(packagesOf(order.id)).toEqual([]);
      }
      if (order.shipmentStatus === 'NOT_SHIPPED') expect(sum(shippedUnits)).toBe(0);
      if (order.shipmentStatus === 'PARTIALLY_SHIPPED') {
        expect(sum(shippedUnits)).toBeGreaterThan(0);
        expect(sum(shippedUnits)).toBeLessThan(ordered);
      }
      if (order.shipmentStatus === 'SHIPPED') {
        expect(sum(shippedUnits)).toBe(ordered);
        expect(sum(deliveredUnits)).toBeLessThan(ordered);
      }
      if (order.shipmentStatus === 'FULFILLED') {
        for (const line of lines) expect(deliveredUnits.get(line.id)).toBe(line.quantity);
      }
    }
  });

  it('invoices what the order statuses say', () => {
    for (const order of demo.salesOrders) {
      const invoices = demo.invoices.filter((invoice) => invoice.salesOrderId === order.id);
      const billed = demo.invoiceLines
        .filter((line) => invoices.some((invoice) => invoice.id === line.invoiceId))
        .reduce((sum, line) => sum + line.quantity, 0);
      const ordered = linesOf(order.id).reduce((sum, line) => sum + line.quantity, 0);
      if (order.invoicedStatus === 'NOT_INVOICED') expect(invoices).toEqual([]);
      if (order.invoicedStatus === 'PARTIALLY_INVOICED') {
        expect(billed).toBeGreaterThan(0);
        expect(billed).toBeLessThan(ordered);
      }
      if (order.invoicedStatus === 'INVOICED') expect(billed).toBe(ordered);
      for (const invoice of invoices) {
        expect(invoice.customerId).toBe(order.customerId);
        expect(invoice.issuedOn >= order.orderedOn).toBe(true);
      }
    }
  });

  it('tracks every step a package reached, in time order, as the table constraints require', () => {
    for (const parcel of demo.packages) {
      const events = demo.trackingEvents.filter((event) => event.packageId === parcel.id);
      const reached = DELIVERY_STEPS.slice(0, DELIVERY_STEPS.indexOf(parcel.deliveryStatus) + 1);
      expect(events.map((event) => event.status)).toEqual(reached);
      const times = events.map((event) => event.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[times.length - 1]).toBeLessThanOrEqual(TODAY.getTime());
      const isShipped = parcel.deliveryStatus !== 'PACKED';
      expect([parcel.shippedAt, parcel.carrier, parcel.trackingNumber].every(Boolean)).toBe(
        isShipped,
      );
      expect(parcel.deliveredAt !== null).toBe(parcel.deliveryStatus === 'DELIVERED');
      expect(parcel.shippedAt).toEqual(
        events.find((e) => e.status === 'SHIPPED')?.occurredAt ?? null,
      );
    }
  });

  it('takes back at most what a fulfilled order delivered', () => {
    for (const salesReturn of demo.salesReturns) {
      const order = demo.salesOrders.find((o) => o.id === salesReturn.salesOrderId);
      expect(order?.shipmentStatus).toBe('FULFILLED');
      expect(salesReturn.reason).toBeTruthy();
      const lines = demo.salesReturnLines.filter((l) => l.salesReturnId === salesReturn.id);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const ordered = orderLines.get(line.salesOrderLineId);
        expect(ordered?.salesOrderId).toBe(salesReturn.salesOrderId);
        expect(line.quantity).toBeLessThanOrEqual(ordered?.quantity ?? 0);
      }
    }
  });

  it('gives items unique SKUs that never take a desk product code', () => {
    const codes = new Set(desk.catalogue.map((entry) => entry.product.code));
    for (const item of demo.items) {
      expect(codes.has(item.sku)).toBe(false);
      // Not even at larger scales, whose catalogues continue desk's PRD- numbering.
      expect(item.sku.startsWith('PRD-')).toBe(false);
    }
    const keys = demo.items.map((item) => `${item.organizationId}/${item.sku}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps customers to desk contacts and documents to tickets of the same contact', () => {
    const contacts = new Map(desk.customers.people.map(({ contact }) => [contact.id, contact]));
    const tickets = byId(desk.tickets);
    for (const customer of demo.customers) {
      expect(contacts.get(customer.contactId ?? '')?.email).toBe(customer.email);
    }
    const keys = demo.customers.map((c) => `${c.organizationId}/${c.email}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const document of [...demo.salesOrders, ...demo.invoices]) {
      if (document.ticketId === null) continue;
      const ticket = tickets.get(document.ticketId);
      expect(ticket?.contactId).toBe(customers.get(document.customerId)?.contactId);
      expect(ticket && ticket.createdAt <= document.createdAt).toBe(true);
    }
    const linked = demo.salesOrders.filter((order) => order.ticketId !== null).length;
    expect(linked / demo.salesOrders.length).toBeGreaterThan(0.2);
  });

  it('addresses customers where their account is, some shipping elsewhere or not yet known', () => {
    const accountOf = new Map(
      desk.customers.people.map((person) => [person.contact.id, person.primary?.account]),
    );
    for (const customer of demo.customers) {
      const account = accountOf.get(customer.contactId ?? '');
      expect(customer.companyName).toBe(account?.name ?? null);
      if (account) {
        expect(customer.billingAddress).toMatchObject({
          city: account.city,
          country: account.country,
        });
      }
    }
    const shipping = demo.customers.map((c) => c.shippingAddress);
    expect(shipping).toContain(null);
    expect(
      demo.customers.some(
        (c) => c.shippingAddress && c.shippingAddress.street !== c.billingAddress?.street,
      ),
    ).toBe(true);
  });

  it('makes ticket #1 and an account with several contacts show inventory panels', () => {
    const firstTicket = desk.tickets.find((ticket) => ticket.number === 1);
    expect(demo.salesOrders.some((order) => order.ticketId === firstTicket?.id)).toBe(true);
    const accountOf = new Map(
      desk.customers.people.map((person) => [person.contact.id, person.primary?.account.id]),
    );
    const perAccount = new Map<string | undefined, number>();
    for (const customer of demo.customers) {
      const account = accountOf.get(customer.contactId ?? '');
      perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
    }
    expect(Math.max(...perAccount.values())).toBeGreaterThanOrEqual(3);
  });

  it('writes activity with the right customer and documents, when they happened', () => {
    const orders = byId(demo.salesOrders);
    const invoices = byId(demo.invoices);
    const packages = byId(demo.packages);
    for (const activity of demo.activities) {
      expect(activity.occurredAt.getTime()).toBeLessThanOrEqual(TODAY.getTime());
      const order = activity.salesOrderId ? orders.get(activity.salesOrderId) : undefined;
      const invoice = activity.invoiceId ? invoices.get(activity.invoiceId) : undefined;
      if (order) {
        expect(order.customerId).toBe(activity.customerId);
        expect(activity.occurredAt >= order.createdAt).toBe(true);
        if (!invoice || activity.kind === 'INVOICE_CREATED') {
          expect(activity.summary).toContain(order.number);
        }
      }
      if (invoice) {
        expect(invoice.customerId).toBe(activity.customerId);
        expect(activity.occurredAt >= invoice.createdAt).toBe(true);
        expect(activity.summary).toContain(invoice.number);
      }
      if (activity.packageId) expect(packages.has(activity.packageId)).toBe(true);
    }
    const kinds = (kind: string) => demo.activities.filter((a) => a.kind === kind).length;
    expect(kinds('SALES_ORDER_CREATED')).toBe(demo.salesOrders.length);
    expect(kinds('INVOICE_CREATED')).toBe(demo.invoices.length);
    expect(kinds('PACKAGE_SHIPPED')).toBe(demo.packages.filter((p) => p.shippedAt).length);
    expect(kinds('PACKAGE_DELIVERED')).toBe(demo.packages.filter((p) => p.deliveredAt).length);
    expect(kinds('RETURN_RECEIVED')).toBe(demo.salesReturns.length);
    expect(kinds('PAYMENT_RECEIVED')).toBe(
      demo.invoices.filter((i) => i.status === 'PAID' || i.status === 'PARTIALLY_PAID').length,
    );
  });

  it('continues every numbering after the highest seeded number', () => {
    const [trading] = demo.organizations;
    const next = (kind: string) =>
      demo.documentSequences.find((s) => s.organizationId === trading.id && s.kind === kind)
        ?.nextValue;
    const tradingOrders = demo.salesOrders.filter((o) => o.organizationId === trading.id);
    expect(next('SO')).toBe(tradingOrders.length + 1);
    expect(tradingOrders.map((o) => o.number)).toContain('SO-00001');
    expect(demo.documentSequences).toHaveLength(2 * 4);
  });
});

describe('seedInventory', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
    dataSource = createInventoryDataSource(url, logger('test'));
    // The test setup does not migrate inventory yet; the migrations create the schema if missing.
    await openAndMigrate(dataSource, INVENTORY_SCHEMA);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('inserts rows that satisfy every table constraint and continues the numbering', async () => {
    if (!(await inventoryIsSeeded(dataSource))) await seedInventory(dataSource, { scale: SCALE });
    expect(await inventoryIsSeeded(dataSource)).toBe(true);
    for (const table of [
      'organization',
      'organization_admin',
      'profile_permission',
      'customer',
      'item',
      'sales_order',
      'sales_order_line',
      'invoice',
      'invoice_line',
      'package',
      'package_line',
      'tracking_event',
      'sales_return',
      'sales_return_line',
      'activity',
      'document_sequence',
    ]) {
      const [{ count }] = (await dataSource.query(
        `SELECT count(*)::integer AS count FROM inventory.${table}`,
      )) as { count: number }[];
      expect({ table, count: count > 0 }).toEqual({ table, count: true });
    }
    // Other suites may create documents later, which only moves the sequences further on.
    const sequences = (await dataSource.query(
      'SELECT organization_id, kind, next_value FROM inventory.document_sequence',
    )) as { organization_id: string; kind: string; next_value: number }[];
    for (const expected of demo.documentSequences) {
      const stored = sequences.find(
        (s) => s.organization_id === expected.organizationId && s.kind === expected.kind,
      );
      expect(stored?.next_value).toBeGreaterThanOrEqual(expected.nextValue);
    }
    const [first] = demo.salesOrders;
    const [stored] = (await dataSource.query(
      'SELECT number, total FROM inventory.sales_order WHERE id = $1',
      [first.id],
    )) as { number: string; total: string }[];
    expect({ number: stored.number, total: Number(stored.total) }).toEqual({
      number: first.number,
      total: first.total,
    });
  });
});
