import { calendarDate, earliest, instantBetween, latest, TODAY } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import type { SalesReturn } from '../entities/SalesReturn';
import type { SalesReturnLine } from '../entities/SalesReturnLine';
import { daysAfter } from './clock';
import { numberByCreation } from '../../../shared/integration/numbering';
import type { OrderPlan } from './orders';
import type { Shipment } from './packages';
import { RETURN_REASONS } from './vocabulary';

/** Share of fulfilled orders something is sent back from. */
const RETURN_SHARE = 0.06;
const MIN_RETURNS = 2;
/** Customers notice a problem within a month of delivery, but not on the same day. */
const RETURN_DAYS: readonly [number, number] = [1, 30];
/** Units of one line sent back, at most: a faulty few rather than the whole delivery. */
const MAX_UNITS = 5;

export interface Return {
  salesReturn: SalesReturn;
  order: OrderPlan;
  lines: SalesReturnLine[];
}

/** Returns of a few fulfilled orders, each of up to two of its lines, after they arrived. */
export function generateReturns(
  random: Random,
  orders: readonly OrderPlan[],
  shipments: readonly Shipment[],
): Return[] {
  const deliveredAt = new Map<OrderPlan, Date>();
  for (const { order, package: parcel } of shipments) {
    if (parcel.deliveredAt) {
      deliveredAt.set(
        order,
        latest(parcel.deliveredAt, deliveredAt.get(order) ?? parcel.deliveredAt),
      );
    }
  }
  // Only orders delivered long enough ago for something to have come back by today.
  const candidates = orders.flatMap((order) => {
    const arrived = deliveredAt.get(order);
    return order.story.shipment === 'FULFILLED' &&
      arrived &&
      daysAfter(arrived, RETURN_DAYS[0]) < TODAY
      ? [{ order, arrived }]
      : [];
  });
  const count = Math.max(MIN_RETURNS, Math.round(candidates.length * RETURN_SHARE));
  const drafts = random.sample(candidates, count).map(({ order, arrived }) => ({
    id: random.uuid(),
    order,
    returnedAt: instantBetween(
      random,
      daysAfter(arrived, RETURN_DAYS[0]),
      earliest(daysAfter(arrived, RETURN_DAYS[1]), TODAY),
    ),
  }));
  return numberByCreation(
    drafts,
    'RMA',
    (draft) => draft.order.record.organization.id,
    (draft) => draft.returnedAt,
  ).map(({ document: draft, number }): Return => {
    const { order } = draft;
    const returned = random
      .sample(order.lines, random.int(1, Math.min(2, order.lines.length)))
      .sort((a, b) => a.position - b.position);
    return {
      salesReturn: {
        id: draft.id,
        salesOrderId: order.id,
        number,
        returnedOn: calendarDate(draft.returnedAt),
        reason: random.pick(RETURN_REASONS),
        createdAt: draft.returnedAt,
      },
      order,
      // A fulfilled order delivered every unit, so up to the ordered quantity can come back.
      lines: returned.map((line) => ({
        salesReturnId: draft.id,
        salesOrderLineId: line.id,
        quantity: random.int(1, Math.min(line.quantity, MAX_UNITS)),
      })),
    };
  });
}
