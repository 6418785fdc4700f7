import { date, money, words } from '../format';
import type { InventoryPanel, Scope } from '../types';
import { useAllowances } from '../viewer';
import { CreateSalesOrderForm } from './CreateSalesOrderForm';
import { ScopeFilter } from './ScopeFilter';

/** Sales orders with their status, line items and returned items; INV-7 creates one. */
export function InventorySalesOrders(props: {
  ticketId: string;
  orders: InventoryPanel['salesOrders'];
  scope: Scope;
  onScopeChange: (scope: Scope) => void;
  onCreated: () => void;
}) {
  const { createSalesOrder } = useAllowances();
  return (
    <div>
      <ScopeFilter scope={props.scope} onChange={props.onScopeChange} />
      {createSalesOrder.allowed ? (
        <CreateSalesOrderForm ticketId={props.ticketId} onCreated={props.onCreated} />
      ) : (
        <p className="muted" data-testid="create-sales-order-not-allowed">
          {createSalesOrder.reason}
        </p>
      )}
      <p className="muted">{props.orders.totalCount} sales orders</p>
      <table aria-label="Sales orders">
        <thead>
          <tr>
            <th>Number</th>
            <th>Ordered</th>
            <th>Status</th>
            <th>Shipment</th>
            <th>Invoiced</th>
            <th>Total</th>
            <th>Line items</th>
            <th>Returns</th>
          </tr>
        </thead>
        <tbody>
          {props.orders.nodes.map((order) => (
            <tr key={order.id}>
              <td>{order.number}</td>
              <td>{date(order.orderedOn)}</td>
              <td>{words(order.status)}</td>
              <td>{words(order.shipmentStatus)}</td>
              <td>{words(order.invoicedStatus)}</td>
              <td>{money(order.total, order.currency)}</td>
              <td>
                {order.lineItems.map((line) => `${line.item.name} × ${line.quantity}`).join(', ')}
              </td>
              <td>
                {order.returns
                  .map(
                    (ret) =>
                      `${ret.number}: ${ret.lineItems
                        .map((line) => `${line.item.name} × ${line.quantity}`)
                        .join(', ')}`,
                  )
                  .join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
