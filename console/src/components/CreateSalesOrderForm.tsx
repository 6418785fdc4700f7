import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { money } from '../format';
import { CreateInventorySalesOrderDocument, InventoryItemsDocument } from '../generated/operations';
import { ErrorMessage } from './ErrorMessage';

/** INV-7: a draft sales order of one item for the ticket's contact, linked to the ticket. */
export function CreateSalesOrderForm(props: { ticketId: string; onCreated: () => void }) {
  const items = useQuery(InventoryItemsDocument, {
    variables: { search: null },
  });
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [created, setCreated] = useState<string | null>(null);
  const [create, creation] = useMutation(CreateInventorySalesOrderDocument);
  const chosen = itemId || items.data?.inventoryItems.nodes[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    try {
      const { data } = await create({
        variables: {
          input: {
            ticketId: props.ticketId,
            lineItems: [{ itemId: chosen, quantity: Number(quantity) }],
          },
        },
      });
      const order = data?.createInventorySalesOrder;
      if (order) {
        setCreated(`Sales order ${order.number} created (${money(order.total, order.currency)})`);
        props.onCreated();
      }
    } catch {
      // The refusal stays in `creation.error`, shown below.
    }
  };

  return (
    <form className="action" onSubmit={submit} aria-label="Create a sales order">
      <strong>New sales order from this ticket</strong>
      <ErrorMessage error={items.error} />
      <label>
        Item
        <select name="item" value={chosen} onChange={(event) => setItemId(event.target.value)}>
          {items.data?.inventoryItems.nodes.map((item) => (
            <option key={item.id} value={item.id}>
              {item.sku} · {item.name} ({item.rate.toFixed(2)})
            </option>
          ))}
        </select>
      </label>
      <label>
        Quantity
        <input
          name="quantity"
          type="number"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
        />
      </label>
      <button type="submit" disabled={creation.loading || !chosen}>
        Create sales order
      </button>
      {created && <p role="status">{created}</p>}
      <ErrorMessage error={creation.error} />
    </form>
  );
}
