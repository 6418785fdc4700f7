import { calendarDate, earliest, instantBetween, latest, TODAY } from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import { digits } from '../../../shared/seed/text';
import { DELIVERY_STEPS, type DeliveryStatus, type Package } from '../entities/Package';
import type { PackageLine } from '../entities/PackageLine';
import type { SalesOrderLine } from '../entities/SalesOrderLine';
import type { TrackingEvent } from '../entities/TrackingEvent';
import { daysAfter, daysBefore, instantsBetween } from './clock';
import { restOf, someOf } from './lines';
import { numberByCreation } from '../../../shared/integration/numbering';
import type { OrderPlan } from './orders';
import {
  type Carrier,
  DOMESTIC_CARRIERS,
  INTERNATIONAL_CARRIERS,
  TRACKING_FORMATS,
} from './vocabulary';

/** Where a package on its way may stand today; each occurs at least once. */
const ON_THE_WAY: readonly DeliveryStatus[] = ['SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'];
const ON_THE_WAY_WEIGHTS = [
  ['SHIPPED', 3],
  ['IN_TRANSIT', 5],
  ['OUT_FOR_DELIVERY', 2],
] as const;
/** The shipped part of a partially shipped order has often arrived already. */
const FIRST_PART_WEIGHTS = [...ON_THE_WAY_WEIGHTS, ['DELIVERED', 10]] as const;
/** Orders whose goods go out in two packages rather than one. */
const TWO_PACKAGE_SHARE = 0.3;
/** Days from the order being sent to its first package being packed, at most. */
const PACK_DAYS = 2;
/** Days between the first and the second package of an order being packed, at most. */
const SECOND_PACKAGE_DAYS = 3;
/** Days from packing to delivery, at most. */
const DELIVERY_DAYS = 7;
/** A package still on its way left the warehouse at most this many days ago. */
const ON_THE_WAY_DAYS = 4;

/** A package with its contents and its delivery so far. */
export interface Shipment {
  package: Package;
  order: OrderPlan;
  lines: PackageLine[];
  /** Every step reached, oldest first. */
  events: Omit<TrackingEvent, 'id'>[];
}

interface PackageDraft {
  id: string;
  order: OrderPlan;
  contents: ReadonlyMap<SalesOrderLine, number>;
  /** PACKED first, then every further step reached, each with when it happened. */
  steps: { status: DeliveryStatus; at: Date }[];
  carrier: Carrier | null;
  trackingNumber: string | null;
}

/**
 * The packages of every order whose story has goods packed or sent: all of a fulfilled order's
 * units in delivered packages, all of a shipped order's units in packages at least one of which
 * is still on its way, part of a partially shipped order's units shipped.
 */
export function generatePackages(random: Random, orders: readonly OrderPlan[]): Shipment[] {
  const moving = orders.filter(
    (order) => order.story.shipment === 'SHIPPED' || order.story.shipment === 'PARTIALLY_SHIPPED',
  );
  const lastSteps = moving.map((order) =>
    random.weighted(order.story.shipment === 'SHIPPED' ? ON_THE_WAY_WEIGHTS : FIRST_PART_WEIGHTS),
  );
  coverEveryValue(random, lastSteps, ON_THE_WAY);
  const lastStepOf = new Map(moving.map((order, index) => [order, lastSteps[index]]));

  const drafts = orders.flatMap((order) =>
    packOrder(random, order, lastStepOf.get(order) ?? 'DELIVERED'),
  );
  return numberByCreation(
    drafts,
    'PKG',
    (draft) => draft.order.record.organization.id,
    (draft) => draft.steps[0].at,
  ).map(({ document: draft, number }) => shipmentOf(draft, number));
}

/** The order's packages, each with its contents and the last step it has reached. */
function packOrder(random: Random, order: OrderPlan, lastStep: DeliveryStatus): PackageDraft[] {
  const { story, lines, sentAt } = order;
  if (!sentAt || (story.shipment === 'NOT_SHIPPED' && !story.packed)) return [];
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const parts: { contents: ReadonlyMap<SalesOrderLine, number>; last: DeliveryStatus }[] = [];
  if (story.shipment === 'NOT_SHIPPED') {
    parts.push({ contents: restOf(lines), last: 'PACKED' });
  } else if (story.shipment === 'PARTIALLY_SHIPPED') {
    const shipped = someOf(random, lines);
    parts.push({ contents: shipped, last: lastStep });
    // The rest may already wait packed, unless the order is on hold.
    if (story.status === 'CONFIRMED' && random.chance(0.5)) {
      parts.push({ contents: restOf(lines, shipped), last: 'PACKED' });
    }
  } else if (units >= 2 && random.chance(TWO_PACKAGE_SHARE)) {
    // The first of two packages left earlier and has arrived.
    const first = someOf(random, lines);
    parts.push({ contents: first, last: 'DELIVERED' });
    parts.push({ contents: restOf(lines, first), last: lastStep });
  } else {
    parts.push({ contents: restOf(lines), last: lastStep });
  }

  let packedAt = instantBetween(random, sentAt, earliest(daysAfter(sentAt, PACK_DAYS), TODAY));
  return parts.map((part, index) => {
    if (index > 0) {
      packedAt = instantBetween(
        random,
        packedAt,
        earliest(daysAfter(packedAt, SECOND_PACKAGE_DAYS), TODAY),
      );
    }
    return draftPackage(random, order, part.contents, part.last, packedAt);
  });
}

function draftPackage(
  random: Random,
  order: OrderPlan,
  contents: ReadonlyMap<SalesOrderLine, number>,
  last: DeliveryStatus,
  packedAt: Date,
): PackageDraft {
  const reached = DELIVERY_STEPS.slice(0, DELIVERY_STEPS.indexOf(last) + 1);
  const later = reached.slice(1);
  // Delivered packages took up to a week; the others are on their way now.
  const times =
    last === 'DELIVERED'
      ? instantsBetween(
          random,
          packedAt,
          earliest(daysAfter(packedAt, DELIVERY_DAYS), TODAY),
          later.length,
        )
      : instantsBetween(
          random,
          latest(packedAt, daysBefore(TODAY, ON_THE_WAY_DAYS)),
          TODAY,
          later.length,
        );
  const carrier =
    later.length === 0
      ? null
      : random.pick(
          order.record.destination.country === 'Japan' ? DOMESTIC_CARRIERS : INTERNATIONAL_CARRIERS,
        );
  return {
    id: random.uuid(),
    order,
    contents,
    steps: [
      { status: 'PACKED', at: packedAt },
      ...later.map((status, index) => ({ status, at: times[index] })),
    ],
    carrier,
    trackingNumber: carrier && digits(random, TRACKING_FORMATS[carrier]),
  };
}

function shipmentOf(draft: PackageDraft, number: string): Shipment {
  const { destination } = draft.order.record;
  const at = (status: DeliveryStatus): Date | null =>
    draft.steps.find((step) => step.status === status)?.at ?? null;
  const notes: Record<DeliveryStatus, string | null> = {
    PACKED: null,
    SHIPPED: `Picked up by ${draft.carrier}`,
    IN_TRANSIT: 'Arrived at the sorting center',
    OUT_FOR_DELIVERY: `Out for delivery in ${destination.city}`,
    DELIVERED: `Received by ${destination.attention ?? 'the customer'}`,
  };
  const packedAt = draft.steps[0].at;
  return {
    package: {
      id: draft.id,
      salesOrderId: draft.order.id,
      number,
      packedOn: calendarDate(packedAt),
      deliveryStatus: draft.steps[draft.steps.length - 1].status,
      carrier: draft.carrier,
      trackingNumber: draft.trackingNumber,
      shippedAt: at('SHIPPED'),
      deliveredAt: at('DELIVERED'),
      createdAt: packedAt,
    },
    order: draft.order,
    lines: [...draft.contents].map(([line, quantity]) => ({
      packageId: draft.id,
      salesOrderLineId: line.id,
      quantity,
    })),
    events: draft.steps.map((step) => ({
      packageId: draft.id,
      status: step.status,
      occurredAt: step.at,
      note: notes[step.status],
    })),
  };
}
