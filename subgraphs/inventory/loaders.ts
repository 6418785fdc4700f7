import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byIdLoader, eachGroup, groupBy, groupedLoader, isUuid } from '../../shared/loaders';
import { mailForRelated } from '../../shared/mail/outbox';
import { ownerSetPageLoader } from '../../shared/ownerSetPages';
import { type PageLimits, pageSize } from '../../shared/pagination';
import {
  Activity,
  Customer,
  Invoice,
  InvoiceLine,
  Item,
  ItemProduct,
  Package,
  PackageLine,
  SalesOrder,
  SalesOrderLine,
  SalesReturn,
  SalesReturnLine,
  TrackingEvent,
} from './entities';

export interface ItemPurchase {
  itemId: string;
  quantity: number;
  amount: number;
  lastOrderedOn: string;
}

interface ItemsBoughtKey {
  ownerIds: readonly string[];
  first?: number | null;
}

/** Every entity reference and nested list of a request goes through one of these. */
export function createInventoryLoaders(db: DataSource, limits: PageLimits) {
  const repo = db.getRepository.bind(db);
  const byIds =
    <E extends { id: string }>(entity: new () => E) =>
    (ids: string[]) =>
      repo(entity).findBy({ id: In(ids) } as never);

  /** Each panel's most bought items in one statement, whatever the number of panels. */
  const itemsBought = new DataLoader<ItemsBoughtKey, ItemPurchase[], string>(
    async (keys) => {
      const results = new Map<ItemsBoughtKey, ItemPurchase[] | Error>();
      await eachGroup(
        groupBy([...keys], (key) => key.first ?? null).values(),
        results,
        async (group) => {
          const size = pageSize(group[0].first, limits);
          const panels: number[] = [];
          const owners: string[] = [];
          group.forEach((key, panel) => {
            for (const owner of new Set(key.ownerIds)) {
              if (isUuid(owner)) {
                panels.push(panel);
                owners.push(owner);
              }
            }
          });
          const rows: (ItemPurchase & { panel: number })[] = await db.query(
            `SELECT ranked.panel, ranked."itemId", ranked.quantity, ranked.amount,
                  ranked."lastOrderedOn" FROM (
             SELECT p.panel, l.item_id AS "itemId", sum(l.quantity)::int AS quantity,
                    sum(l.amount)::float8 AS amount,
                    to_char(max(o.ordered_on), 'YYYY-MM-DD') AS "lastOrderedOn",
                    ROW_NUMBER() OVER (PARTITION BY p.panel
                      ORDER BY sum(l.quantity) DESC, l.item_id) AS rank
             FROM unnest($1::int[], $2::uuid[]) AS p(panel, owner)
             JOIN inventory.sales_order o ON o.customer_id = p.owner AND o.status <> 'VOID'
             JOIN inventory.sales_order_line l ON l.sales_order_id = o.id
             GROUP BY p.panel, l.item_id
           ) ranked WHERE ranked.rank <= $3 ORDER BY ranked.panel, ranked.rank`,
            [panels, owners, size],
          );
          const byPanel = groupBy(rows, (row) => Number(row.panel));
          group.forEach((key, panel) => results.set(key, byPanel.get(panel) ?? []));
        },
      );
      return keys.map((key) => results.get(key) ?? []);
    },
    { cacheKeyFn: (key) => JSON.stringify([[...key.ownerIds].sort(), key.first ?? null]) },
  );

  return {
    customer: byIdLoader(repo(Customer), 'InventoryCustomer'),
    item: byIdLoader(repo(Item), 'InventoryItem'),
    salesOrder: byIdLoader(repo(SalesOrder), 'InventorySalesOrder'),
    salesOrderLine: byIdLoader(repo(SalesOrderLine), 'InventoryLineItem'),
    invoice: byIdLoader(repo(Invoice), 'InventoryInvoice'),
    package: byIdLoader(repo(Package), 'InventoryPackage'),
    linesBySalesOrder: groupedLoader(
      (ids: readonly string[]) =>
        repo(SalesOrderLine).find({
          where: { salesOrderId: In([...ids]) },
          order: { position: 'ASC' },
        }),
      (row) => row.salesOrderId,
    ),
    linesByInvoice: groupedLoader(
      (ids: readonly string[]) =>
        repo(InvoiceLine).find({ where: { invoiceId: In([...ids]) }, order: { position: 'ASC' } }),
      (row) => row.invoiceId,
    ),
    packagesBySalesOrder: groupedLoader(
      (ids: readonly string[]) =>
        repo(Package).find({ where: { salesOrderId: In([...ids]) }, order: { number: 'ASC' } }),
      (row) => row.salesOrderId,
    ),
    returnsBySalesOrder: groupedLoader(
      (ids: readonly string[]) =>
        repo(SalesReturn).find({
          where: { salesOrderId: In([...ids]) },
          order: { number: 'ASC' },
        }),
      (row) => row.salesOrderId,
    ),
    invoicesBySalesOrder: groupedLoader(
      (ids: readonly string[]) =>
        repo(Invoice).find({ where: { salesOrderId: In([...ids]) }, order: { number: 'ASC' } }),
      (row) => row.salesOrderId as string,
    ),
    linesByPackage: groupedLoader(
      (ids: readonly string[]) => repo(PackageLine).findBy({ packageId: In([...ids]) }),
      (row) => row.packageId,
    ),
    linesByReturn: groupedLoader(
      (ids: readonly string[]) => repo(SalesReturnLine).findBy({ salesReturnId: In([...ids]) }),
      (row) => row.salesReturnId,
    ),
    trackingByPackage: groupedLoader(
      (ids: readonly string[]) =>
        repo(TrackingEvent).find({
          where: { packageId: In([...ids]) },
          order: { occurredAt: 'ASC', id: 'ASC' },
        }),
      (row) => row.packageId,
    ),
    emailsOfSalesOrder: groupedLoader(
      (ids: readonly string[]) => mailForRelated(db, 'inventory', 'sales_order', ids),
      (row) => row.relatedId as string,
    ),
    emailsOfInvoice: groupedLoader(
      (ids: readonly string[]) => mailForRelated(db, 'inventory', 'invoice', ids),
      (row) => row.relatedId as string,
    ),
    productOfItem: groupedLoader(
      (ids: readonly string[]) => repo(ItemProduct).findBy({ itemId: In([...ids]) }),
      (row) => row.itemId,
    ),
    salesOrderPages: ownerSetPageLoader<SalesOrder>({
      db,
      from: 'inventory.sales_order d',
      ownerColumn: 'd.customer_id',
      narrowColumn: 'd.ticket_id',
      orderColumn: 'd.ordered_on',
      orderType: 'date',
      orderValue: (row) => row.orderedOn,
      load: byIds(SalesOrder),
      limits,
    }),
    invoicePages: ownerSetPageLoader<Invoice>({
      db,
      from: 'inventory.invoice d',
      ownerColumn: 'd.customer_id',
      narrowColumn: 'd.ticket_id',
      orderColumn: 'd.issued_on',
      orderType: 'date',
      orderValue: (row) => row.issuedOn,
      load: byIds(Invoice),
      limits,
    }),
    activityPages: ownerSetPageLoader<Activity>({
      db,
      from: 'inventory.activity d',
      ownerColumn: 'd.customer_id',
      orderColumn: 'd.occurred_at',
      orderType: 'timestamptz',
      orderValue: (row) => row.occurredAt.toISOString(),
      load: byIds(Activity),
      limits,
    }),
    shipmentPages: ownerSetPageLoader<Package>({
      db,
      from: 'inventory.package d JOIN inventory.sales_order o ON o.id = d.sales_order_id',
      ownerColumn: 'o.customer_id',
      where: 'd.shipped_at IS NOT NULL',
      orderColumn: 'd.shipped_at',
      orderType: 'timestamptz',
      orderValue: (row) => (row.shippedAt as Date).toISOString(),
      load: byIds(Package),
      limits,
    }),
    itemsBought,
  };
}

export type InventoryLoaders = ReturnType<typeof createInventoryLoaders>;
