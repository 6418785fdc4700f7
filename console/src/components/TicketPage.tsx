import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { date, words } from '../format';
import { TicketDetailDocument } from '../generated/operations';
import { AccountCard } from './AccountCard';
import { BillingTab } from './BillingTab';
import { BooksTab } from './BooksTab';
import { ContactCard } from './ContactCard';
import { ErrorMessage } from './ErrorMessage';
import { InventoryTab } from './InventoryTab';
import { ProjectsTab } from './ProjectsTab';
import { Tabs } from './Tabs';

const INTEGRATIONS = ['Inventory', 'Billing', 'Books', 'Projects'] as const;
type Integration = (typeof INTEGRATIONS)[number];

/** One ticket: its contact and account, and one tab per integration. */
export function TicketPage({ id }: { id: string }) {
  const [tab, setTab] = useState<Integration>('Inventory');
  const { data, error, loading } = useQuery(TicketDetailDocument, {
    variables: { id },
    errorPolicy: 'all',
  });
  const ticket = data?.ticket;
  if (loading && !ticket) return <p className="loading">Loading the ticket…</p>;
  if (!ticket) {
    return (
      <section>
        <ErrorMessage error={error ?? new Error('This ticket does not exist')} />
      </section>
    );
  }
  return (
    <section>
      <h1>
        #{ticket.number} {ticket.subject}
      </h1>
      <p className="muted">
        {words(ticket.status)} · {words(ticket.priority)} priority · {words(ticket.channel)} ·{' '}
        {ticket.department.name} · {ticket.assignee?.name ?? 'unassigned'} · opened{' '}
        {date(ticket.createdAt)}
      </p>
      {ticket.description && <p>{ticket.description}</p>}
      <ErrorMessage error={error} />
      <div className="cards">
        <ContactCard contact={ticket.contact} />
        {ticket.account ? (
          <AccountCard account={ticket.account} />
        ) : (
          <div className="card">No account to show</div>
        )}
      </div>
      <Tabs
        key={ticket.id}
        label="Integrations"
        tabs={INTEGRATIONS}
        current={tab}
        onChange={setTab}
      >
        {tab === 'Inventory' && <InventoryTab ticketId={ticket.id} />}
        {tab === 'Billing' && <BillingTab ticketId={ticket.id} />}
        {tab === 'Books' &&
          (ticket.account ? <BooksTab accountId={ticket.account.id} /> : <NoAccount />)}
        {tab === 'Projects' &&
          (ticket.account ? <ProjectsTab accountId={ticket.account.id} /> : <NoAccount />)}
      </Tabs>
    </section>
  );
}

function NoAccount() {
  return <p className="muted">No account to show for this ticket.</p>;
}
