import type { DataSource } from 'typeorm';
import { recordSeedScale } from '../../../shared/seed/scale';
import { generateDeskDemo } from '../../desk/seed/generate';
import { insertRows } from '../../../shared/seed/insertRows';
import { Random } from '../../../shared/seed/random';
import {
  Activity,
  Customer,
  Integration,
  Invoice,
  InvoiceLine,
  Item,
  Organization,
  OrganizationAdmin,
  Package,
  PackageLine,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  SalesReturn,
  SalesReturnLine,
  TrackingEvent,
} from '../entities';
import { generateActivities } from './activities';
import { generateCustomers } from './customers';
import { generateInvoices } from './invoices';
import { generateItems } from './items';
import { shelfOf } from './lines';
import { documentSequences, setDocumentSequences } from '../../../shared/integration/numbering';
import { INVENTORY_SCHEMA } from '../database';
import { salesOrderRows, generateOrders } from './orders';
import { generateOrganizations } from './organizations';
import { generatePackages } from './packages';
import { documentCreators, generatePermissions } from './permissions';
import { generateReturns } from './returns';

/**
 * Changing it reshuffles every generated row, ids included. Its mulberry32 sequence starts over a
 * billion draws away from desk's seed (20260101), so the two streams never overlap.
 */
const SEED = 20261101;

export interface InventorySeedSummary {
  organizations: number;
  customers: number;
  items: number;
  salesOrders: number;
  invoices: number;
  packages: number;
  salesReturns: number;
  activities: number;
}

/**
 * The inventory demo data, generated in memory and identical for the same scale (ids included).
 * It is tied to the desk demo of the same scale through `generateDeskDemo`: customers are desk
 * contacts, documents link desk tickets, permissions are keyed by desk profiles.
 */
export function generateInventoryDemo(scale: number) {
  const desk = generateDeskDemo(scale);
  const firstTicket = desk.tickets.find((ticket) => ticket.number === 1);
  if (!firstTicket) throw new Error('the desk demo has no ticket #1');
  // The generators share one random sequence and must run in this order.
  const random = new Random(SEED);
  const organizations = generateOrganizations(random);
  const { trading, wholesale } = organizations;
  const records = generateCustomers(random, scale, desk, organizations);
  const items = generateItems(random, scale, organizations);
  const shelves = new Map([
    [trading.id, shelfOf(items.trading)],
    [wholesale.id, shelfOf(items.wholesale)],
  ]);
  const creators = documentCreators(desk.staff);
  const orders = generateOrders(random, records, shelves, creators, firstTicket);
  const shipments = generatePackages(random, orders);
  const billings = generateInvoices(random, orders, records, shelves, creators);
  const returns = generateReturns(random, orders, shipments);
  const activities = generateActivities(random, orders, billings, shipments, returns);

  const salesOrders = salesOrderRows(orders, shipments, billings);
  const invoices = billings.map((billing) => billing.invoice);
  const packages = shipments.map((shipment) => ({
    organizationId: shipment.order.record.organization.id,
    number: shipment.package.number,
  }));
  const salesReturns = returns.map((entry) => ({
    organizationId: entry.order.record.organization.id,
    number: entry.salesReturn.number,
  }));
  return {
    organizations: [trading, wholesale],
    organizationAdmins: organizations.admins,
    integration: organizations.integration,
    profilePermissions: generatePermissions(desk.staff.profiles),
    customers: records.map((record) => record.customer),
    items: [...items.trading, ...items.wholesale],
    salesOrders,
    salesOrderLines: orders.flatMap((order) => order.lines),
    invoices,
    invoiceLines: billings.flatMap((billing) => billing.lines),
    packages: shipments.map((shipment) => shipment.package),
    packageLines: shipments.flatMap((shipment) => shipment.lines),
    trackingEvents: shipments.flatMap((shipment) => shipment.events),
    salesReturns: returns.map((entry) => entry.salesReturn),
    salesReturnLines: returns.flatMap((entry) => entry.lines),
    activities,
    documentSequences: documentSequences([trading.id, wholesale.id], {
      SO: salesOrders,
      INV: invoices,
      PKG: packages,
      RMA: salesReturns,
    }),
  };
}

export type InventoryDemo = ReturnType<typeof generateInventoryDemo>;

/**
 * Inserts the demo data in one transaction. Caller guarantees the tables are empty but for the
 * rows the migration created (the integration and the item sync settings). `scale` is desk's:
 * the same scale ties the customers to the contacts desk seeded.
 */
export async function seedInventory(
  dataSource: DataSource,
  options: { scale: number },
): Promise<InventorySeedSummary> {
  // Everything is generated before the transaction opens, so it holds its locks only for the
  // inserts.
  const demo = generateInventoryDemo(options.scale);

  await dataSource.transaction(async (manager) => {
    await recordSeedScale(manager, 'inventory', options.scale);
    await insertRows(manager, Organization, demo.organizations);
    await insertRows(manager, OrganizationAdmin, demo.organizationAdmins);
    await manager.update(Integration, { id: 1 }, demo.integration);
    await insertRows(manager, ProfilePermission, demo.profilePermissions);
    await insertRows(manager, Customer, demo.customers);
    await insertRows(manager, Item, demo.items);
    await insertRows(manager, SalesOrder, demo.salesOrders);
    await insertRows(manager, SalesOrderLine, demo.salesOrderLines);
    await insertRows(manager, Invoice, demo.invoices);
    await insertRows(manager, InvoiceLine, demo.invoiceLines);
    await insertRows(manager, Package, demo.packages);
    await insertRows(manager, PackageLine, demo.packageLines);
    // Tracking events take their id from an identity column that refuses explicit values.
    await insertRows<Omit<TrackingEvent, 'id'>>(manager, TrackingEvent, demo.trackingEvents);
    await insertRows(manager, SalesReturn, demo.salesReturns);
    await insertRows(manager, SalesReturnLine, demo.salesReturnLines);
    await insertRows(manager, Activity, demo.activities);
    await setDocumentSequences(manager, INVENTORY_SCHEMA, demo.documentSequences);
  });

  return {
    organizations: demo.organizations.length,
    customers: demo.customers.length,
    items: demo.items.length,
    salesOrders: demo.salesOrders.length,
    invoices: demo.invoices.length,
    packages: demo.packages.length,
    salesReturns: demo.salesReturns.length,
    activities: demo.activities.length,
  };
}

/**
 * true when inventory already holds demo data. Any organization will do: the migration creates
 * none, so one means the seed has run or someone has set inventory up by hand.
 */
export async function inventoryIsSeeded(dataSource: DataSource): Promise<boolean> {
  return dataSource.getRepository(Organization).exists();
}
