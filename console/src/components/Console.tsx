import { useQuery } from '@apollo/client/react';
import { ConsoleViewerDocument, InventoryAccessDocument } from '../generated/operations';
import { allowances } from '../permissions';
import { hrefOf, useRoute } from '../route';
import { AllowancesContext } from '../viewer';
import { ErrorMessage } from './ErrorMessage';
import { NewTicketForm } from './NewTicketForm';
import { TicketList } from './TicketList';
import { TicketPage } from './TicketPage';

/** The signed-in console: who is signed in, the navigation, and the page the URL names. */
export function Console({ onSignOut }: { onSignOut: () => void }) {
  const route = useRoute();
  const { data, error, loading } = useQuery(ConsoleViewerDocument);
  const inventory = useQuery(InventoryAccessDocument);
  if (loading || inventory.loading) return <p className="loading">Loading…</p>;
  if (!data?.viewer) {
    return (
      <main>
        <ErrorMessage error={error} />
        <button onClick={onSignOut}>Sign in again</button>
      </main>
    );
  }
  return (
    <AllowancesContext.Provider value={allowances(data.viewer, inventory.data ?? null)}>
      <header className="top">
        <strong>Agent console</strong>
        <nav>
          <a href={hrefOf({ page: 'tickets' })}>Tickets</a>
          <a href={hrefOf({ page: 'new-ticket' })}>New ticket</a>
        </nav>
        <span className="who" data-testid="signed-in-agent">
          {data.viewer.name} · {data.viewer.profile.name}
        </span>
        <button onClick={onSignOut}>Sign out</button>
      </header>
      <main>
        {route.page === 'tickets' && <TicketList />}
        {route.page === 'ticket' && <TicketPage id={route.id} />}
        {route.page === 'new-ticket' && <NewTicketForm />}
      </main>
    </AllowancesContext.Provider>
  );
}
