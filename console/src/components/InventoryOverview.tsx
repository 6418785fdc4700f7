import { date, words } from '../format';
import type { InventoryAddress, InventoryPanel } from '../types';

function AddressLine({ label, address }: { label: string; address: InventoryAddress | null }) {
  return (
    <p>
      {label}:{' '}
      {address
        ? [address.street, address.city, address.zip, address.country].filter(Boolean).join(', ')
        : '—'}
    </p>
  );
}

/** Recent shipments, items bought, and the customers' billing and shipping addresses. */
export function InventoryOverview({ panel }: { panel: InventoryPanel }) {
  return (
    <div>
      <h3>Customers</h3>
      {panel.customers.length === 0 && <p className="muted">No inventory customer yet.</p>}
      {panel.customers.map((customer) => (
        <div key={customer.id} className="customer">
          <p>
            <strong>{customer.name}</strong> {customer.email}
          </p>
          <AddressLine label="Billing address" address={customer.billingAddress} />
          <AddressLine label="Shipping address" address={customer.shippingAddress} />
        </div>
      ))}
      <h3>Recent shipments</h3>
      <table aria-label="Recent shipments">
        <tbody>
          {panel.overview.recentShipments.map((shipment) => (
            <tr key={shipment.id}>
              <td>{shipment.number}</td>
              <td>{shipment.carrier ?? '—'}</td>
              <td>{shipment.trackingNumber ?? '—'}</td>
              <td>{words(shipment.deliveryStatus)}</td>
              <td>{date(shipment.shippedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Items bought</h3>
      <table aria-label="Items bought">
        <tbody>
          {panel.overview.itemsBought.map((purchase) => (
            <tr key={purchase.item.id}>
              <td>{purchase.item.sku}</td>
              <td>{purchase.item.name}</td>
              <td>× {purchase.quantity}</td>
              <td>{purchase.amount.toFixed(2)}</td>
              <td>last {date(purchase.lastOrderedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
