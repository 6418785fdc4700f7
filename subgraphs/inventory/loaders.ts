import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import {
  byIdLoader,
  childrenLoader,
  eachGroup,
  groupBy,
  groupedLoader,
  isUuid,
  rowsByIds,
} from '../../shared/loaders';
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
  const byIds = <E extends { id: string }>(entity: new () => E) => rowsByIds(repo(entity));

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
    linesBySalesOrder: childrenLoader(repo(SalesOrderLine), 'salesOrderId', { position: 'ASC' }),
    linesByInvoice: childrenLoader(repo(InvoiceLine), 'invoiceId', { position: 'ASC' }),
    packagesBySalesOrder: childrenLoader(repo(Package), 'salesOrderId', { number: 'ASC' }),
    returnsBySalesOrder: childrenLoader(repo(SalesReturn), 'salesOrderId', { number: 'ASC' }),
    invoicesBySalesOrder: childrenLoader(repo(Invoice), 'salesOrderId', { number: 'ASC' }),
    linesByPackage: childrenLoader(repo(PackageLine), 'packageId'),
    linesByReturn: childrenLoader(repo(SalesReturnLine), 'salesReturnId'),
    trackingByPackage: childrenLoader(repo(TrackingEvent), 'packageId', {
      occurredAt: 'ASC',
      id: 'ASC',
    }),
    emailsOfSalesOrder: groupedLoader(
      (ids: readonly string[]) => mailForRelated(db, 'inventory', 'sales_order', ids),
      (row) => row.relatedId as string,
    ),
    emailsOfInvoice: groupedLoader(
      (ids: readonly string[]) => mailForRelated(db, 'inventory', 'invoice', ids),
      (row) => row.relatedId as string,
    ),
    productOfItem: childrenLoader(repo(ItemProduct), 'itemId'),
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
