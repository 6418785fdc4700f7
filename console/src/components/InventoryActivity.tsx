import { words } from '../format';
import type { InventoryPanel } from '../types';

/** Every purchase, shipment and document of the contact, newest first. */
export function InventoryActivity({ panel }: { panel: InventoryPanel }) {
  if (panel.activity.nodes.length === 0) return <p className="muted">No activity.</p>;
  return (
    <table aria-label="Inventory activity">
      <tbody>
        {panel.activity.nodes.map((activity) => (
          <tr key={activity.id}>
            <td>{new Date(activity.occurredAt).toLocaleString()}</td>
            <td>{words(activity.kind)}</td>
            <td>{activity.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
