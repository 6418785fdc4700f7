import type { Ticket } from '../../desk/entities/Ticket';
import { calendarDate, earliest, instantBetween, latest, TODAY } from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import type {
  InvoicedStatus,
  SalesOrder,
  SalesOrderStatus,
  ShipmentStatus,
} from '../entities/SalesOrder';
import type { SalesOrderLine } from '../entities/SalesOrderLine';
import { daysAfter, daysBefore } from './clock';
import type { CustomerRecord } from './customers';
import type { Billing } from './invoices';
import { pickLines, type Shelf } from './lines';
import { sumAmounts } from './money';
import { numberByCreation } from '../../../shared/integration/numbering';
import type { Shipment } from './packages';
import { creatorOf, type Creators } from '../../../shared/seed/profileLevels';
import { createdWithin, linkTickets, type Window } from './tickets';
import { ORDER_NOTES } from './vocabulary';

/**
 * How far a sales order has come, as its three statuses say together. `age` is how many days
 * before today it may have been ordered for that to be where it stands: drafts and parcels on
 * their way are recent, closed orders are not. `packed` orders wait in a packed package.
 */
export interface OrderStory {
  status: SalesOrderStatus;
  shipment: ShipmentStatus;
  invoiced: InvoicedStatus;
  age: readonly [number, number];
  weight: number;
  packed?: true;
}

/**
 * Every combination the demo shows. Drafts and void orders are neither shipped nor invoiced; a
 * closed order is fulfilled and invoiced; between them the order is confirmed or on hold.
 * Together they hold every value of each status column, so covering the stories covers those.
 */
const STORIES: readonly OrderStory[] = [
  { status: 'DRAFT', shipment: 'NOT_SHIPPED', invoiced: 'NOT_INVOICED', age: [0, 20], weight: 5 },
  { status: 'VOID', shipment: 'NOT_SHIPPED', invoiced: 'NOT_INVOICED', age: [5, 250], weight: 4 },
  {
    status: 'CONFIRMED',
    shipment: 'NOT_SHIPPED',
    invoiced: 'NOT_INVOICED',
    age: [0.5, 10],
    weight: 6,
  },
  {
    status: 'CONFIRMED',
    shipment: 'NOT_SHIPPED',
    invoiced: 'INVOICED',
    age: [1, 10],
    weight: 3,
    packed: true,
  },
  { status: 'ON_HOLD', shipment: 'NOT_SHIPPED', invoiced: 'NOT_INVOICED', age: [3, 60], weight: 3 },
  {
    status: 'CONFIRMED',
    shipment: 'PARTIALLY_SHIPPED',
    invoiced: 'PARTIALLY_INVOICED',
    age: [4, 25],
    weight: 4,
  },
  {
    status: 'ON_HOLD',
    shipment: 'PARTIALLY_SHIPPED',
    invoiced: 'NOT_INVOICED',
    age: [4, 25],
    weight: 2,
  },
  { status: 'CONFIRMED', shipment: 'SHIPPED', invoiced: 'NOT_INVOICED', age: [1, 6], weight: 3 },
  { status: 'CONFIRMED', shipment: 'SHIPPED', invoiced: 'INVOICED', age: [1, 6], weight: 3 },
  {
    status: 'CONFIRMED',
    shipment: 'FULFILLED',
    invoiced: 'PARTIALLY_INVOICED',
    age: [14, 60],
    weight: 3,
  },
  {
    status: 'CONFIRMED',
    shipment: 'FULFILLED',
    invoiced: 'NOT_INVOICED',
    age: [14, 40],
    weight: 2,
  },
  { status: 'CLOSED', shipment: 'FULFILLED', invoiced: 'INVOICED', age: [14, 280], weight: 50 },
];

/** The story of the order made from desk ticket #1, which is old enough to have run its course. */
const CLOSED_STORY = STORIES[STORIES.length - 1];

/** Sales orders per customer: about two on average. */
const ORDER_COUNT_WEIGHTS = [
  [0, 15],
  [1, 25],
  [2, 25],
  [3, 20],
  [4, 15],
] as const;
/** How long after its creation a confirmed order is e-mailed to the customer, at most. */
const SEND_DAYS = 0.25;
/** How long a cancelled draft lay around before it was voided, at most. */
const VOID_DAYS = 5;
const NOTES_SHARE = 0.15;

/** A sales order with what its packages, invoices and activity are generated from. */
export interface OrderPlan {
  id: string;
  number: string;
  record: CustomerRecord;
  story: OrderStory;
  ticket: Ticket | null;
  createdBy: string;
  createdAt: Date;
  /** When it was e-mailed to the customer, which confirmed it; null for drafts and void ones. */
  sentAt: Date | null;
  /** When a void order was cancelled. */
  voidedAt: Date | null;
  notes: string | null;
  lines: SalesOrderLine[];
}

/** Whether the story's order has been sent: everything but drafts and cancelled drafts. */
function isSent(story: OrderStory): boolean {
  return story.status !== 'DRAFT' && story.status !== 'VOID';
}

/** Whether the order is later split into two packages or billed in part. */
function isSplit(story: OrderStory): boolean {
  return story.shipment === 'PARTIALLY_SHIPPED' || story.invoiced === 'PARTIALLY_INVOICED';
}

export function generateOrders(
  random: Random,
  records: readonly CustomerRecord[],
  shelves: ReadonlyMap<string, Shelf>,
  creators: Creators,
  firstTicket: Ticket,
): OrderPlan[] {
  // Ticket #1's contact always has an order made from it, so its THIS_TICKET panel shows one.
  const owner = records.find((record) => record.customer.contactId === firstTicket.contactId);
  const free = records.flatMap((record) => {
    const count = random.weighted(ORDER_COUNT_WEIGHTS) - (record === owner ? 1 : 0);
    return Array.from({ length: Math.max(0, count) }, () => record);
  });
  const stories = free.map(() => random.weighted(STORIES.map((s) => [s, s.weight] as const)));
  coverEveryValue(random, stories, STORIES);
  const windows = free.map((record, index) => windowOf(record, stories[index]));
  const tickets = linkTickets(
    random,
    free.map((record, index) => ({ tickets: record.tickets, window: windows[index] })),
    owner ? 1 : 0,
  );

  const slots = free.map((record, index) => ({
    record,
    story: stories[index],
    ticket: tickets[index],
    createdAt: createdWithin(random, windows[index], tickets[index]),
  }));
  if (owner) {
    slots.push({
      record: owner,
      story: CLOSED_STORY,
      ticket: firstTicket,
      createdAt: createdWithin(random, windowOf(owner, CLOSED_STORY), firstTicket),
    });
  }

  return numberByCreation(
    slots,
    'SO',
    (slot) => slot.record.organization.id,
    (slot) => slot.createdAt,
  ).map(({ document: slot, number }): OrderPlan => {
    const shelf = shelves.get(slot.record.organization.id);
    if (!shelf) throw new Error(`no items for ${slot.record.organization.name}`);
    const id = random.uuid();
    const lines = pickLines(random, shelf, isSplit(slot.story) ? 2 : 1).map(
      (line, index): SalesOrderLine => ({
        id: random.uuid(),
        salesOrderId: id,
        position: index + 1,
        itemId: line.itemId,
        description: line.description,
        quantity: line.quantity,
        rate: line.rate,
        amount: line.amount,
      }),
    );
    return {
      id,
      number,
      ...slot,
      createdBy: creatorOf(random, creators, slot.ticket),
      sentAt: isSent(slot.story)
        ? instantBetween(
            random,
            slot.createdAt,
            earliest(daysAfter(slot.createdAt, SEND_DAYS), TODAY),
          )
        : null,
      voidedAt:
        slot.story.status === 'VOID'
          ? instantBetween(
              random,
              slot.createdAt,
              earliest(daysAfter(slot.createdAt, VOID_DAYS), TODAY),
            )
          : null,
      notes: random.chance(NOTES_SHARE) ? random.pick(ORDER_NOTES) : null,
      lines,
    };
  });
}

/** When an order of this story may have been placed by the customer. */
function windowOf(record: CustomerRecord, story: OrderStory): Window {
  const [newest, oldest] = story.age;
  return {
    from: latest(daysBefore(TODAY, oldest), record.customer.createdAt),
    to: daysBefore(TODAY, newest),
  };
}

/**
 * The orders' rows. An order changes when it is sent or voided, with every step of its packages
 * and when it is invoiced; its last change is its `updatedAt`.
 */
export function salesOrderRows(
  orders: readonly OrderPlan[],
  shipments: readonly Shipment[],
  billings: readonly Billing[],
): SalesOrder[] {
  const changes = new Map<string, Date[]>();
  const changed = (orderId: string, at: Date) =>
    changes.set(orderId, [...(changes.get(orderId) ?? []), at]);
  for (const { order, events } of shipments) {
    for (const event of events) changed(order.id, event.occurredAt);
  }
  for (const { invoice } of billings) {
    if (invoice.salesOrderId) changed(invoice.salesOrderId, invoice.createdAt);
  }
  return orders.map((order): SalesOrder => ({
    id: order.id,
    organizationId: order.record.organization.id,
    customerId: order.record.customer.id,
    number: order.number,
    orderedOn: calendarDate(order.createdAt),
    status: order.story.status,
    shipmentStatus: order.story.shipment,
    invoicedStatus: order.story.invoiced,
    total: sumAmounts(order.lines.map((line) => line.amount)),
    currency: order.record.organization.currency,
    notes: order.notes,
    ticketId: order.ticket?.id ?? null,
    createdBy: order.createdBy,
    createdAt: order.createdAt,
    updatedAt: latest(
      order.createdAt,
      ...[order.sentAt, order.voidedAt].filter((date): date is Date => date !== null),
      ...(changes.get(order.id) ?? []),
    ),
  }));
}
