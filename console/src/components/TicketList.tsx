import { type FormEvent, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { date, words } from '../format';
import { TicketByNumberDocument, TicketListDocument } from '../generated/operations';
import { hrefOf, navigate } from '../route';
import type { TicketStatus } from '../types';
import { ErrorMessage } from './ErrorMessage';

const PAGE_SIZE = 20;
const STATUSES: TicketStatus[] = ['OPEN', 'ON_HOLD', 'ESCALATED', 'CLOSED'];

/** The tickets, newest first, a page at a time; a ticket can also be opened by its number. */
export function TicketList() {
  const client = useApolloClient();
  const [status, setStatus] = useState<TicketStatus | ''>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [number, setNumber] = useState('');
  const [lookupError, setLookupError] = useState<unknown>(null);
  const after = cursors[cursors.length - 1];
  const { data, error, loading } = useQuery(TicketListDocument, {
    variables: { first: PAGE_SIZE, after, filter: status ? { status } : null },
    // A profile that may not see accounts still sees its tickets, the account left empty.
    errorPolicy: 'all',
  });

  const openByNumber = async (event: FormEvent) => {
    event.preventDefault();
    setLookupError(null);
    const { data: found, error: failed } = await client.query({
      query: TicketByNumberDocument,
      variables: { number: Number(number) },
    });
    if (found?.ticketByNumber) navigate({ page: 'ticket', id: found.ticketByNumber.id });
    else setLookupError(failed ?? new Error(`There is no ticket #${number}`));
  };

  const page = data?.tickets;
  return (
    <section>
      <h1>Tickets</h1>
      <div className="toolbar">
        <form onSubmit={openByNumber} aria-label="Open a ticket by number">
          <label>
            Ticket #
            <input
              name="number"
              inputMode="numeric"
              pattern="[0-9]+"
              value={number}
              onChange={(event) => setNumber(event.target.value)}
              required
            />
          </label>
          <button type="submit">Open</button>
        </form>
        <label>
          Status
          <select
            value={status}
            onChange={(event) => {
              setStatus(STATUSES.find((value) => value === event.target.value) ?? '');
              setCursors([null]);
            }}
          >
            <option value="">Any</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {words(value)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={lookupError} />
      <ErrorMessage error={error} />
      {loading && !page && <p className="loading">Loading tickets…</p>}
      {page && (
        <>
          <p className="muted">{page.totalCount} tickets</p>
          <table aria-label="Tickets">
            <thead>
              <tr>
                <th>#</th>
                <th>Subject</th>
                <th>Contact</th>
                <th>Account</th>
                <th>Status</th>
                <th>Priority</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((ticket) => (
                <tr key={ticket.id}>
                  <td>{ticket.number}</td>
                  <td>
                    <a href={hrefOf({ page: 'ticket', id: ticket.id })}>{ticket.subject}</a>
                  </td>
                  <td>{ticket.contact.name}</td>
                  <td>{ticket.account?.name ?? '—'}</td>
                  <td>{words(ticket.status)}</td>
                  <td>{words(ticket.priority)}</td>
                  <td>{date(ticket.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button
              disabled={cursors.length === 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              Previous
            </button>
            <button
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, page.pageInfo.endCursor])}
            >
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
