import type { EntityManager } from 'typeorm';
import { badUserInput, notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { optionalText, requiredText } from '../../../shared/validation';
import type { InventoryContext } from '../context';
import { Activity, Customer, Package, SalesOrder, TrackingEvent } from '../entities';
import { DELIVERY_STEPS, type DeliveryStatus } from '../entities/Package';
import { enabledOrganization } from './integration';

/** A step may be dated a little ahead of this server's clock: the carrier's clock is not ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * INV-8: a package moves forward through PACKED → SHIPPED → IN_TRANSIT → OUT_FOR_DELIVERY →
 * DELIVERED, each step dated and kept; the sales order's shipment status follows.
 */
export async function advancePackage(
  ctx: InventoryContext,
  id: string,
  input: {
    status: DeliveryStatus;
    occurredAt?: Date | null;
    carrier?: string | null;
    trackingNumber?: string | null;
    note?: string | null;
  },
): Promise<Package> {
  const organizationId = await enabledOrganization(ctx, 'updating deliveries');
  const occurredAt = input.occurredAt ?? new Date();
  if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
    throw badUserInput('occurredAt is in the future', { field: 'occurredAt' });
  }
  return ctx.db.transaction(async (manager) => {
    const pkg = isUuid(id)
      ? await manager
          .getRepository(Package)
          .createQueryBuilder('package')
          .setLock('pessimistic_write')
          .where('package.id = :id', { id })
          .getOne()
      : null;
    const order = pkg ? await manager.findOneBy(SalesOrder, { id: pkg.salesOrderId }) : null;
    if (!pkg || !order || order.organizationId !== organizationId) {
      throw notFound('InventoryPackage', id);
    }
    const from = DELIVERY_STEPS.indexOf(pkg.deliveryStatus);
    const to = DELIVERY_STEPS.indexOf(input.status);
    if (to <= from) {
      throw badUserInput(
        `Package ${pkg.number} is ${pkg.deliveryStatus}; it can only move on to ${
          DELIVERY_STEPS.slice(from + 1).join(', ') || 'nothing: it was delivered'
        }`,
        { field: 'status' },
      );
    }
    const last = await manager.findOne(TrackingEvent, {
      where: { packageId: pkg.id },
      order: { occurredAt: 'DESC' },
    });
    if (last && occurredAt < last.occurredAt) {
      throw badUserInput(
        `occurredAt is before the package's last step (${last.status} at ${last.occurredAt.toISOString()})`,
        { field: 'occurredAt' },
      );
    }
    const customer = await manager.findOneByOrFail(Customer, { id: order.customerId });
    const activity = (kind: 'PACKAGE_SHIPPED' | 'PACKAGE_DELIVERED', summary: string) =>
      manager.insert(Activity, {
        customerId: customer.id,
        kind,
        occurredAt,
        summary,
        salesOrderId: order.id,
        invoiceId: null,
        packageId: pkg.id,
      });
    if (!pkg.shippedAt) {
      pkg.carrier = requiredText('carrier', input.carrier ?? pkg.carrier);
      pkg.trackingNumber = requiredText(
        'trackingNumber',
        input.trackingNumber ?? pkg.trackingNumber,
      );
      pkg.shippedAt = occurredAt;
      await activity(
        'PACKAGE_SHIPPED',
        `Package ${pkg.number} shipped by ${pkg.carrier} (${pkg.trackingNumber})`,
      );
    }
    pkg.deliveryStatus = input.status;
    if (input.status === 'DELIVERED') {
      pkg.deliveredAt = occurredAt;
      await activity('PACKAGE_DELIVERED', `Package ${pkg.number} delivered`);
    }
    const saved = await manager.save(pkg);
    await manager.insert(TrackingEvent, {
      packageId: pkg.id,
      status: input.status,
      occurredAt,
      note: optionalText(input.note),
    });
    await refreshShipmentStatus(manager, order.id);
    return saved;
  });
}

/** From the quantities in shipped and delivered packages against the quantities ordered. */
async function refreshShipmentStatus(manager: EntityManager, salesOrderId: string): Promise<void> {
  await manager.query(
    `UPDATE inventory.sales_order o SET shipment_status = CASE
       WHEN packed.delivered >= ordered.quantity THEN 'FULFILLED'
       WHEN packed.shipped >= ordered.quantity THEN 'SHIPPED'
       WHEN packed.shipped > 0 THEN 'PARTIALLY_SHIPPED'
       ELSE 'NOT_SHIPPED' END, updated_at = now()
     FROM (SELECT COALESCE(sum(quantity), 0) AS quantity FROM inventory.sales_order_line
           WHERE sales_order_id = $1) ordered,
          (SELECT COALESCE(sum(pl.quantity) FILTER (WHERE p.delivery_status <> 'PACKED'), 0) AS shipped,
                  COALESCE(sum(pl.quantity) FILTER (WHERE p.delivery_status = 'DELIVERED'), 0) AS delivered
           FROM inventory.package p JOIN inventory.package_line pl ON pl.package_id = p.id
           WHERE p.sales_order_id = $1) packed
     WHERE o.id = $1`,
    [salesOrderId],
  );
}
