import type { Random } from '../../../shared/seed/random';
import type { Activity, ActivityKind } from '../entities/Activity';
import type { Billing } from './invoices';
import { formatMoney, sumAmounts } from './money';
import type { OrderPlan } from './orders';
import type { Shipment } from './packages';
import type { Return } from './returns';

/** One activity before it gets its id. */
type Entry = Omit<Activity, 'id'>;

/**
 * INV-6's activity of every customer, as the product writes it with each change: orders created
 * and sent, invoices created, sent and paid, packages shipped and delivered, returns received.
 * Oldest first.
 */
export function generateActivities(
  random: Random,
  orders: readonly OrderPlan[],
  billings: readonly Billing[],
  shipments: readonly Shipment[],
  returns: readonly Return[],
): Activity[] {
  const entries: Entry[] = [
    ...orders.flatMap(orderEntries),
    ...billings.flatMap(invoiceEntries),
    ...shipments.flatMap(packageEntries),
    ...returns.map(returnEntry),
  ];
  // Sorting is stable, so what happened in the same second keeps the order above.
  entries.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return entries.map((entry) => ({ id: random.uuid(), ...entry }));
}

function entry(
  kind: ActivityKind,
  customerId: string,
  occurredAt: Date,
  summary: string,
  links: Partial<Pick<Activity, 'salesOrderId' | 'invoiceId' | 'packageId'>>,
): Entry {
  return {
    customerId,
    kind,
    occurredAt,
    summary,
    salesOrderId: links.salesOrderId ?? null,
    invoiceId: links.invoiceId ?? null,
    packageId: links.packageId ?? null,
  };
}

function orderEntries(order: OrderPlan): Entry[] {
  const { customer, organization } = order.record;
  const total = formatMoney(
    sumAmounts(order.lines.map((line) => line.amount)),
    organization.currency,
  );
  const links = { salesOrderId: order.id };
  const entries = [
    entry(
      'SALES_ORDER_CREATED',
      customer.id,
      order.createdAt,
      `Sales order ${order.number} created for ${total}`,
      links,
    ),
  ];
  if (order.sentAt) {
    entries.push(
      entry(
        'SALES_ORDER_SENT',
        customer.id,
        order.sentAt,
        `Sales order ${order.number} sent to ${customer.email}`,
        links,
      ),
    );
  }
  return entries;
}

function invoiceEntries({ invoice, record, order, sentAt, payment }: Billing): Entry[] {
  const { currency } = record.organization;
  const links = { invoiceId: invoice.id, salesOrderId: invoice.salesOrderId };
  const entries = [
    entry(
      'INVOICE_CREATED',
      invoice.customerId,
      invoice.createdAt,
      `Invoice ${invoice.number} created for ${formatMoney(invoice.total, currency)}` +
        (order ? ` from sales order ${order.number}` : ''),
      links,
    ),
  ];
  if (sentAt) {
    entries.push(
      entry(
        'INVOICE_SENT',
        invoice.customerId,
        sentAt,
        `Invoice ${invoice.number} sent to ${record.customer.email}`,
        links,
      ),
    );
  }
  if (payment) {
    entries.push(
      entry(
        'PAYMENT_RECEIVED',
        invoice.customerId,
        payment.at,
        `Payment of ${formatMoney(payment.amount, currency)} received for invoice ${invoice.number}`,
        links,
      ),
    );
  }
  return entries;
}

function packageEntries({ package: parcel, order }: Shipment): Entry[] {
  const customerId = order.record.customer.id;
  const links = { salesOrderId: order.id, packageId: parcel.id };
  const entries: Entry[] = [];
  if (parcel.shippedAt) {
    entries.push(
      entry(
        'PACKAGE_SHIPPED',
        customerId,
        parcel.shippedAt,
        `Package ${parcel.number} of sales order ${order.number} shipped with ${parcel.carrier}, tracking number ${parcel.trackingNumber}`,
        links,
      ),
    );
  }
  if (parcel.deliveredAt) {
    entries.push(
      entry(
        'PACKAGE_DELIVERED',
        customerId,
        parcel.deliveredAt,
        `Package ${parcel.number} of sales order ${order.number} delivered`,
        links,
      ),
    );
  }
  return entries;
}

function returnEntry({ salesReturn, order }: Return): Entry {
  return entry(
    'RETURN_RECEIVED',
    order.record.customer.id,
    salesReturn.createdAt,
    `Return ${salesReturn.number} received for sales order ${order.number}` +
      (salesReturn.reason ? `: ${salesReturn.reason}` : ''),
    { salesOrderId: order.id },
  );
}
