import { useQuery } from '@apollo/client/react';
import { date, money, words } from '../format';
import { BooksOfAccountDocument } from '../generated/operations';
import { ErrorMessage } from './ErrorMessage';

/** BKS-10: the account's books transactions with their PDFs, and its receivables. */
export function BooksTab({ accountId }: { accountId: string }) {
  // Books' panel is read fresh on every request: "refresh" is asking again.
  const { data, error, loading, refetch } = useQuery(BooksOfAccountDocument, {
    variables: { id: accountId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const panel = data?.account?.books;
  return (
    <section aria-label="Books">
      <ErrorMessage error={error} />
      {loading && !panel && <p className="loading">Loading books…</p>}
      {!loading && !panel && !error && <p className="muted">Books is not connected.</p>}
      {panel && (
        <div>
          <button onClick={() => void refetch()}>Refresh</button>
          {!panel.contact && (
            <p className="muted">This account is not synced to books yet (BKS-10).</p>
          )}
          {panel.receivables && (
            <dl className="figures" aria-label="Receivables">
              <dt>Outstanding</dt>
              <dd>{money(panel.receivables.outstanding, panel.receivables.currency)}</dd>
              <dt>Unused credits</dt>
              <dd>{money(panel.receivables.unusedCredits, panel.receivables.currency)}</dd>
            </dl>
          )}
          <p className="muted">{panel.transactions.totalCount} transactions</p>
          <table aria-label="Books transactions">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Number</th>
                <th>Date</th>
                <th>Status</th>
                <th>Total</th>
                <th>PDF</th>
              </tr>
            </thead>
            <tbody>
              {panel.transactions.nodes.map((transaction) => (
                <tr key={transaction.id}>
                  <td>{words(transaction.kind)}</td>
                  <td>{transaction.number}</td>
                  <td>{date(transaction.date)}</td>
                  <td>{words(transaction.status)}</td>
                  <td>{money(transaction.total, transaction.currency)}</td>
                  <td>
                    <a href={transaction.pdfUrl} target="_blank" rel="noreferrer">
                      PDF
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
