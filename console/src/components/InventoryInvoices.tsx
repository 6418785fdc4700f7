import { date, money, words } from '../format';
import type { InventoryPanel, Scope } from '../types';
import { useAllowances } from '../viewer';
import { ScopeFilter } from './ScopeFilter';
import { SendInvoiceButton } from './SendInvoiceButton';

/** Invoices with their status; a draft can be e-mailed to the contact when the profile allows. */
export function InventoryInvoices(props: {
  invoices: InventoryPanel['invoices'];
  scope: Scope;
  onScopeChange: (scope: Scope) => void;
  onSent: () => void;
}) {
  const { sendInvoice } = useAllowances();
  return (
    <div>
      <ScopeFilter scope={props.scope} onChange={props.onScopeChange} />
      <p className="muted">{props.invoices.totalCount} invoices</p>
      <table aria-label="Inventory invoices">
        <thead>
          <tr>
            <th>Number</th>
            <th>Issued</th>
            <th>Due</th>
            <th>Status</th>
            <th>Total</th>
            <th>Balance due</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.invoices.nodes.map((invoice) => (
            <tr key={invoice.id}>
              <td>{invoice.number}</td>
              <td>{date(invoice.issuedOn)}</td>
              <td>{date(invoice.dueOn)}</td>
              <td>{words(invoice.status)}</td>
              <td>{money(invoice.total, invoice.currency)}</td>
              <td>{money(invoice.balanceDue, invoice.currency)}</td>
              <td>
                {invoice.status !== 'VOID' && (
                  <SendInvoiceButton
                    invoice={invoice}
                    allowance={sendInvoice}
                    onSent={props.onSent}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
