import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { InventoryOfTicketDocument } from '../generated/operations';
import type { Scope } from '../types';
import { ErrorMessage } from './ErrorMessage';
import { InventoryActivity } from './InventoryActivity';
import { InventoryInvoices } from './InventoryInvoices';
import { InventoryOverview } from './InventoryOverview';
import { InventorySalesOrders } from './InventorySalesOrders';
import { Tabs } from './Tabs';

const TABS = ['Overview', 'Activity', 'Sales orders', 'Invoices'] as const;
type InventoryView = (typeof TABS)[number];

/** INV-6: what inventory knows about the ticket's contact, in four tabs. */
export function InventoryTab({ ticketId }: { ticketId: string }) {
  const [tab, setTab] = useState<InventoryView>('Overview');
  const [scope, setScope] = useState<Scope>('ALL_OF_CONTACT');
  const { data, previousData, error, loading, refetch } = useQuery(InventoryOfTicketDocument, {
    variables: { id: ticketId, scope },
    errorPolicy: 'all',
  });
  // Changing the filter keeps the tabs on screen with the last answer until the new one comes.
  const panel = (data ?? previousData)?.ticket?.inventory;
  const refresh = () => void refetch();
  return (
    <section aria-label="Inventory">
      <ErrorMessage error={error} />
      {loading && !panel && <p className="loading">Loading inventory…</p>}
      {!loading && !panel && !error && (
        <p className="muted">Inventory is not enabled for this desk.</p>
      )}
      {panel && (
        <Tabs label="Inventory" tabs={TABS} current={tab} onChange={setTab}>
          {tab === 'Overview' && <InventoryOverview panel={panel} />}
          {tab === 'Activity' && <InventoryActivity panel={panel} />}
          {tab === 'Sales orders' && (
            <InventorySalesOrders
              ticketId={ticketId}
              orders={panel.salesOrders}
              scope={scope}
              onScopeChange={setScope}
              onCreated={refresh}
            />
          )}
          {tab === 'Invoices' && (
            <InventoryInvoices
              invoices={panel.invoices}
              scope={scope}
              onScopeChange={setScope}
              onSent={refresh}
            />
          )}
        </Tabs>
      )}
    </section>
  );
}
